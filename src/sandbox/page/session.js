// @ts-check
// What the page remembers for the person using it: who they are, where they are, what they
// typed into messages and modals, what they have read, and Slackbot's notes to them.
import { post, upload } from "./api.js";
import { toast } from "./dom.js";

/** The session: one object, so every module reads and changes the same state. */
export const ui = {
  me: "",
  /** @type {any} the server's view of the workspace for `me` */
  workspace: null,
  /** @type {import("./sidebar.js").Place} */
  place: { kind: "channel", id: "" },
  /** @type {{ channel: string, ts: string } | null} */
  thread: null,
  /** state.values per surface (message or view), kept across redraws */
  inputs: new Map(),
  /** viewId → field errors or a banner, and the view they were given for */
  modalErrors: new Map(),
  /** `${user} ${conversation}` → the newest ts the user has seen there */
  seen: new Map(),
  /** Slackbot's own replies (an unknown command, a failed request), only on this page */
  notices: [],
  /** region → what is drawn there, so unchanged regions keep focus and typing */
  drawn: new Map(),
};

/** Names for mentions, and the people and channels the user pickers offer. */
export const names = {
  userName: (id) => ui.workspace?.people.find((person) => person.id === id)?.name ?? id,
  channelName: (id) => ui.workspace?.channels.find((channel) => channel.id === id)?.name ?? id,
  get people() {
    return ui.workspace?.people ?? [];
  },
  get channels() {
    return ui.workspace?.channels ?? [];
  },
};

/**
 * The surface for a message or view: its saved inputs and how to send what the user does there.
 * @returns {import("./surface.js").Surface}
 */
export function surfaceFor(key, target, errors = {}) {
  const fullKey = `${ui.me} ${key}`;
  if (!ui.inputs.has(fullKey)) ui.inputs.set(fullKey, {});
  const values = ui.inputs.get(fullKey);
  return {
    target,
    values,
    errors,
    names,
    act: (act) => void sendAction(target, values, act),
    suggest: (blockId, element, typed) =>
      post("suggest", {
        user: ui.me,
        target,
        blockId,
        actionId: element.action_id,
        value: typed,
        state: values,
      }),
    upload: (file) => upload(ui.me, file),
  };
}

/** The surface of one message. */
export function messageSurface(message) {
  return surfaceFor(`m ${message.channel} ${message.ts}`, { channel: message.channel, ts: message.ts });
}

const optionRef = (option) => (option ? { value: option.value, text: option.text } : undefined);

async function sendAction(target, values, act) {
  const result = await post("action", {
    user: ui.me,
    target,
    blockId: act.blockId,
    actionId: act.element.action_id,
    option: optionRef(act.option),
    options: act.options?.map(optionRef),
    selectedDate: act.selectedDate,
    selectedTime: act.selectedTime,
    state: values,
  });
  if (!result.ok) toast(result.error ?? "Something went wrong.");
}

/** The conversation shown now: a channel, the DM with the app, or none on the Home tab. */
export function currentConversation() {
  if (ui.place.kind === "channel") return ui.place.id;
  return ui.place.tab === "messages" ? `D${ui.me}` : undefined;
}

/** A conversation's messages, with Slackbot's notes to this user, oldest first. */
export function messagesIn(conversation) {
  const notices = ui.notices.filter(
    (notice) => notice.visibleTo === ui.me && notice.channel === conversation,
  );
  return [...ui.workspace.messages.filter((message) => message.channel === conversation), ...notices].sort(
    (a, b) => Number(a.ts) - Number(b.ts),
  );
}

function conversations() {
  return [...ui.workspace.channels.map((channel) => channel.id), `D${ui.me}`];
}

/** Marks what the user is looking at as read; the first look at the workspace reads everything. */
export function markSeen(conversation) {
  for (const id of conversations()) {
    const key = `${ui.me} ${id}`;
    if (id === conversation || !ui.seen.has(key)) ui.seen.set(key, messagesIn(id).at(-1)?.ts ?? "0");
  }
}

/** New messages from others per conversation, for the sidebar. */
export function unreadCounts() {
  const counts = new Map();
  for (const id of conversations()) {
    const seen = Number(ui.seen.get(`${ui.me} ${id}`) ?? 0);
    counts.set(id, messagesIn(id).filter((m) => Number(m.ts) > seen && m.user !== ui.me).length);
  }
  return counts;
}

/** A note from Slackbot that only this user sees (Slack's own answer, not the app's). */
export function addNotice(channel, text) {
  const ts = (Date.now() / 1000).toFixed(6);
  ui.notices.push({ channel, ts, text, ephemeral: true, notice: true, visibleTo: ui.me, user: "USLACKBOT" });
}
