// @ts-check
// The left sidebar: the workspace's channels and the DM with the app, with unread counts.
import { el } from "./dom.js";

/**
 * @typedef {{ kind: "channel", id: string } | { kind: "app", tab: "home" | "messages" }} Place
 */

/**
 * Draws the sidebar; `unread` counts new messages per conversation id (the app DM is `D<me>`).
 * @param {HTMLElement} root
 * @param {{ channels: {id: string, name: string}[], botName: string, place: Place, dm: string, unread: Map<string, number>, go: (place: Place) => void }} options
 */
export function renderSidebar(root, options) {
  const { place, unread } = options;
  const link = (label, id, active, target, extra) => {
    const count = unread.get(id) ?? 0;
    return el(
      "button",
      {
        type: "button",
        class: `side-link${active ? " active" : ""}${count > 0 ? " unread" : ""}`,
        "data-conversation": id,
        onclick: () => options.go(target),
      },
      [
        el("span", { class: "side-label", text: label }),
        extra ?? null,
        count > 0 ? el("span", { class: "badge", text: String(count) }) : null,
      ],
    );
  };
  root.replaceChildren(
    el("div", { class: "side-section" }, [
      el("div", { class: "side-title", text: "Channels" }),
      ...options.channels.map((channel) =>
        link(`# ${channel.name}`, channel.id, place.kind === "channel" && place.id === channel.id, {
          kind: "channel",
          id: channel.id,
        }),
      ),
    ]),
    el("div", { class: "side-section" }, [
      el("div", { class: "side-title", text: "Direct messages" }),
      link(
        options.botName,
        options.dm,
        place.kind === "app",
        { kind: "app", tab: "home" },
        el("span", { class: "app-badge", text: "APP" }),
      ),
    ]),
  );
}
