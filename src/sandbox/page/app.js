// @ts-check
// The sandbox page: a Slack client for one emulated workspace. It draws only what the server
// reports (what the app sent through the Web API or its acks) and sends every act back to it.
import { fetchWorkspace, post, watchWorkspace } from "./api.js";
import { wireComposer } from "./composer.js";
import { toast } from "./dom.js";
import { render } from "./drawing.js";
import { addNotice, currentConversation, ui } from "./session.js";

/** @type {import("./drawing.js").Handlers} */
const handlers = { go, openThread, sendText };

let loading = null;
let again = false;

/** Fetches the user's view of the workspace and redraws; calls during a fetch coalesce into one more. */
function refresh() {
  if (loading) {
    again = true;
    return loading;
  }
  loading = (async () => {
    do {
      again = false;
      try {
        // Any valid id will do for the first look, which only needs the list of people.
        ui.workspace = await fetchWorkspace(ui.me || "U0NOBODY");
        if (!ui.me) {
          chooseUser(firstPerson());
          again = true;
        } else render(handlers);
      } catch (error) {
        toast(`Cannot reach the sandbox server: ${error instanceof Error ? error.message : String(error)}`);
      }
    } while (again);
    loading = null;
  })();
  return loading;
}

function firstPerson() {
  const wanted = new URLSearchParams(location.search).get("as") ?? localStorage.getItem("jxc-sandbox-user");
  const people = ui.workspace.people.filter((person) => !person.isBot);
  return (people.find((person) => person.id === wanted) ?? people[0])?.id ?? "";
}

function chooseUser(id) {
  ui.me = id;
  ui.thread = null;
  localStorage.setItem("jxc-sandbox-user", id);
  const url = new URL(location.href);
  url.searchParams.set("as", id);
  history.replaceState(null, "", url);
}

function go(place) {
  ui.place = place;
  ui.thread = null;
  // Slack tells the app each time someone opens its Home or Messages tab.
  if (place.kind === "app") void post("home", { user: ui.me, tab: place.tab });
  render(handlers);
}

function openThread(message) {
  ui.thread = message ? { channel: message.channel, ts: message.threadTs ?? message.ts } : null;
  render(handlers);
}

/** A slash command goes to the app; anything else is a message people read. */
async function sendText(text, channel, threadTs) {
  if (text.startsWith("/")) {
    const result = await post("command", { user: ui.me, channel, text });
    if (!result.ok) {
      addNotice(channel, result.error ?? "That command failed.");
      render(handlers);
    }
    return true;
  }
  const result = await post("message", { user: ui.me, channel, text, threadTs });
  if (!result.ok) toast(result.error ?? "The message was not sent.");
  return result.ok === true;
}

wireComposer(/** @type {HTMLFormElement} */ (document.getElementById("composer")), {
  commands: () => ui.workspace?.commands ?? [],
  send: (text) => {
    const conversation = currentConversation();
    return conversation ? sendText(text, conversation) : Promise.resolve(false);
  },
});
document.getElementById("you-are")?.addEventListener("change", (event) => {
  chooseUser(/** @type {HTMLSelectElement} */ (event.target).value);
  if (ui.place.kind === "app") void post("home", { user: ui.me, tab: ui.place.tab });
  void refresh();
});
watchWorkspace(() => void refresh());
void refresh();
