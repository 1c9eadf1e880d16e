// @ts-check
// Draws the page from the session: the "you are" switch, the sidebar, the conversation or the
// App Home tab, the open thread and the top modal. Regions that did not change are left alone.
import { post } from "./api.js";
import { renderBlocks } from "./blocks.js";
import { wireComposer } from "./composer.js";
import { el } from "./dom.js";
import { renderMessage, threadOf, topLevel } from "./messages.js";
import { missingRequired, renderModal } from "./modal.js";
import {
  currentConversation,
  markSeen,
  messageSurface,
  messagesIn,
  names,
  surfaceFor,
  ui,
  unreadCounts,
} from "./session.js";
import { renderSidebar } from "./sidebar.js";

/**
 * @typedef {object} Handlers
 * @property {(place: import("./sidebar.js").Place) => void} go
 * @property {(message: Record<string, unknown>) => void} openThread
 * @property {(text: string, channel: string, threadTs?: string) => Promise<boolean>} sendText
 */

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** Draws everything that changed since the last call. @param {Handlers} handlers */
export function render(handlers) {
  const workspace = ui.workspace;
  if (!workspace || !ui.me) return;
  const place = ui.place;
  if (place.kind === "channel" && !workspace.channels.some((c) => c.id === place.id)) {
    ui.place = { kind: "channel", id: workspace.channels[0]?.id ?? "" };
  }
  const conversation = currentConversation();
  markSeen(conversation);
  renderYouAre();
  renderSidebar($("sidebar"), {
    channels: workspace.channels,
    botName: names.userName(workspace.botUserId),
    place: ui.place,
    dm: `D${ui.me}`,
    unread: unreadCounts(),
    go: handlers.go,
  });
  renderHeader(handlers);
  renderConversation(conversation, handlers);
  renderThread(handlers);
  renderTopModal(handlers);
}

/** Draws a region only when what it shows changed, so typing and focus survive live updates. */
function changed(region, what) {
  const signature = JSON.stringify(what);
  if (ui.drawn.get(region) === signature) return false;
  ui.drawn.set(region, signature);
  return true;
}

function renderYouAre() {
  const people = ui.workspace.people.filter((person) => !person.isBot);
  if (!changed("you-are", [people, ui.me])) return;
  const describe = (person) => `${person.roles.join(", ") || "no role"} · ${person.language}`;
  const select = /** @type {HTMLSelectElement} */ ($("you-are"));
  select.replaceChildren(
    ...people.map((person) =>
      el("option", { value: person.id, text: `${person.name} — ${describe(person)}` }),
    ),
  );
  select.value = ui.me;
  const me = people.find((person) => person.id === ui.me);
  $("you-are-detail").textContent = me ? describe(me) : "";
}

function renderHeader(handlers) {
  const header = $("conversation-header");
  if (ui.place.kind === "channel") {
    header.replaceChildren(el("h1", { text: `# ${names.channelName(ui.place.id)}` }));
    return;
  }
  const active = ui.place.tab;
  const tab = (label, which) =>
    el("button", {
      type: "button",
      role: "tab",
      class: `tab${active === which ? " active" : ""}`,
      "aria-selected": String(active === which),
      text: label,
      onclick: () => handlers.go({ kind: "app", tab: which }),
    });
  header.replaceChildren(
    el("h1", {}, [names.userName(ui.workspace.botUserId), el("span", { class: "app-badge", text: "APP" })]),
    el("div", { class: "tabs", role: "tablist" }, [tab("Home", "home"), tab("Messages", "messages")]),
  );
}

function messageContext(all, handlers) {
  return {
    me: ui.me,
    people: ui.workspace.people,
    names,
    surfaceFor: messageSurface,
    openThread: handlers.openThread,
    all,
  };
}

function renderConversation(conversation, handlers) {
  const box = $("messages");
  $("composer").hidden = conversation === undefined;
  if (conversation === undefined) return renderHome(box);
  const all = messagesIn(conversation);
  if (!changed("messages", [ui.me, conversation, all, ui.workspace.people])) return;
  const context = messageContext(all, handlers);
  const viewer = JSON.stringify([ui.me, ui.workspace.people]);
  const kept = new Map();
  const nodes = topLevel(all).map((message) => {
    const replies = all.filter((reply) => reply.threadTs === message.ts && reply.ts !== message.ts);
    const signature = JSON.stringify([viewer, message, replies.length]);
    const earlier = drawnMessages.get(message.ts);
    const node =
      earlier?.conversation === conversation && earlier.signature === signature
        ? earlier.node
        : renderMessage(message, context);
    kept.set(message.ts, { conversation, signature, node });
    return node;
  });
  drawnMessages.clear();
  for (const [ts, entry] of kept) drawnMessages.set(ts, entry);
  placeChildren(box, [beginningOf(conversation), ...nodes]);
  box.scrollTop = box.scrollHeight;
}

/**
 * The conversation's message elements by ts: a message that did not change keeps its element, so
 * what the user is doing in it (and anything holding on to it) survives other messages arriving.
 * @type {Map<string, { conversation: string, signature: string, node: HTMLElement }>}
 */
const drawnMessages = new Map();

/** @type {{ conversation: string, node: HTMLElement } | undefined} */
let drawnBeginning;

function beginningOf(conversation) {
  if (drawnBeginning?.conversation === conversation) return drawnBeginning.node;
  const title = conversation.startsWith("D")
    ? "Your direct messages with the app"
    : `This is the very beginning of #${names.channelName(conversation)}`;
  const node = el("div", { class: "beginning" }, [
    el("strong", { text: title }),
    el("div", { text: "Type / to see the app's slash commands, or write a message." }),
  ]);
  drawnBeginning = { conversation, node };
  return node;
}

/** Makes `box` hold exactly `nodes` in order, moving only what is out of place. */
function placeChildren(box, nodes) {
  nodes.forEach((node, index) => {
    const current = box.children[index];
    if (current !== node) box.insertBefore(node, current ?? null);
  });
  while (box.children.length > nodes.length) box.lastElementChild?.remove();
}

function renderHome(box) {
  const home = ui.workspace.home;
  if (!changed("messages", [ui.me, "home", home])) return;
  if (!home) {
    box.replaceChildren(el("div", { class: "beginning", text: "Opening the app's Home tab…" }));
    return;
  }
  const surface = surfaceFor(`v ${home.id}`, { viewId: home.id });
  box.replaceChildren(el("div", { class: "home-view" }, renderBlocks(home.view.blocks, surface)));
}

function renderThread(handlers) {
  const pane = $("thread");
  const thread = ui.thread;
  pane.hidden = !thread;
  if (!thread) {
    ui.drawn.delete("thread");
    return;
  }
  const messages = threadOf(messagesIn(thread.channel), thread.ts);
  if (!changed("thread", [ui.me, thread, messages])) return;
  const form = el("form", { class: "composer thread-composer" }, [
    el("textarea", { rows: "1", "aria-label": "Reply" }),
    el("button", { type: "submit", class: "send", "aria-label": "Send reply", text: "➤" }),
  ]);
  wireComposer(/** @type {HTMLFormElement} */ (form), {
    commands: () => [],
    send: (text) => handlers.sendText(text, thread.channel, thread.ts),
  });
  const where = thread.channel.startsWith("D") ? "" : `# ${names.channelName(thread.channel)}`;
  pane.replaceChildren(
    el("header", { class: "thread-header" }, [
      el("h2", { text: "Thread" }),
      el("span", { class: "thread-channel", text: where }),
      el("button", {
        type: "button",
        class: "modal-x",
        "aria-label": "Close thread",
        text: "×",
        onclick: () => handlers.openThread(null),
      }),
    ]),
    el(
      "div",
      { class: "thread-messages" },
      messages.map((message) =>
        renderMessage(message, messageContext(messages, handlers), { inThread: true }),
      ),
    ),
    form,
  );
}

function renderTopModal(handlers) {
  const modals = ui.workspace.modals;
  const top = modals.at(-1);
  const problems = top && ui.modalErrors.get(top.id);
  // Errors belong to the view they answered; an updated view starts clean.
  const current = problems && problems.view === JSON.stringify(top.view) ? problems : undefined;
  if (!changed("modal", [ui.me, top, current?.errors, current?.banner, modals.length])) return;
  const root = $("modal-root");
  if (!top) return renderModal(root, undefined, /** @type {any} */ ({}));
  const surface = surfaceFor(`v ${top.id}`, { viewId: top.id }, current?.errors ?? {});
  renderModal(root, top, {
    surface,
    banner: current?.banner,
    stacked: modals.length > 1,
    onSubmit: () => void submitModal(top, surface, handlers),
    onClose: () => void post("close", { user: ui.me, viewId: top.id, state: surface.values }),
  });
}

/** Submit, as Slack's client does it: required inputs are checked here first, then the app answers. */
async function submitModal(top, surface, handlers) {
  const view = JSON.stringify(top.view);
  const missing = missingRequired(top.view.blocks, surface.values);
  if (Object.keys(missing).length > 0) {
    ui.modalErrors.set(top.id, { view, errors: missing });
    return render(handlers);
  }
  ui.modalErrors.delete(top.id);
  const result = await post("submit", { user: ui.me, viewId: top.id, state: surface.values });
  if (result.errors) ui.modalErrors.set(top.id, { view, errors: result.errors });
  else if (!result.ok) ui.modalErrors.set(top.id, { view, errors: {}, banner: result.error });
  render(handlers);
}
