// @ts-check
// Messages as Slack shows them: author, time, text or blocks, files, "Only visible to you"
// for ephemeral ones, "(edited)" after chat.update, and reply counts that open the thread.
import { renderBlocks } from "./blocks.js";
import { el } from "./dom.js";
import { mrkdwnHtml } from "./mrkdwn.js";

/**
 * @typedef {object} MessageContext
 * @property {string} me
 * @property {any[]} people
 * @property {import("./mrkdwn.js").Names} names
 * @property {(message: Record<string, unknown>) => import("./surface.js").Surface} surfaceFor
 * @property {(message: Record<string, unknown>) => void} openThread
 * @property {any[]} all  every message of the conversation, to count replies
 */

/** Top-level messages of a conversation (thread replies stay in their thread, as in Slack). */
export function topLevel(messages) {
  return messages.filter((message) => !message.threadTs || message.threadTs === message.ts);
}

/** A thread: its parent, then the replies in order. */
export function threadOf(messages, parentTs) {
  return messages.filter((message) => message.ts === parentTs || message.threadTs === parentTs);
}

/** One message, drawn with its blocks wired to its own surface. */
export function renderMessage(message, context, options = { inThread: false }) {
  const author = context.people.find((person) => person.id === message.user);
  const isBot = author?.isBot === true || message.user === undefined;
  const name = message.notice ? "Slackbot" : (author?.name ?? message.user ?? "jxc");
  const replies = options.inThread
    ? 0
    : context.all.filter((reply) => reply.threadTs === message.ts && reply.ts !== message.ts).length;
  const hasBlocks = Array.isArray(message.blocks) && message.blocks.length > 0;
  return el(
    "div",
    {
      class: `message${message.ephemeral ? " ephemeral" : ""}${message.notice ? " notice" : ""}`,
      "data-ts": message.ts,
      "data-channel": message.channel,
    },
    [
      el("div", { class: `avatar${isBot ? " bot" : ""}`, text: initial(name), "aria-hidden": "true" }),
      el("div", { class: "message-body" }, [
        message.ephemeral ? el("div", { class: "only-you", text: "Only visible to you" }) : null,
        el("div", { class: "message-meta" }, [
          el("span", { class: "author", text: name }),
          isBot && !message.notice ? el("span", { class: "app-badge", text: "APP" }) : null,
          el("span", {
            class: "time",
            text: timeOf(message.ts),
            title: new Date(tsMillis(message.ts)).toLocaleString(),
          }),
          message.replaced ? el("span", { class: "edited", text: "(edited)" }) : null,
        ]),
        !hasBlocks && message.text
          ? el("div", { class: "message-text", html: mrkdwnHtml(message.text, context.names) })
          : null,
        hasBlocks
          ? el("div", { class: "message-blocks" }, renderBlocks(message.blocks, context.surfaceFor(message)))
          : null,
        ...(message.files ?? []).map((file) =>
          el("div", { class: "sk-file-chip", text: file.title ?? file.name }),
        ),
        replies > 0
          ? el("button", {
              type: "button",
              class: "replies",
              text: `${replies} ${replies === 1 ? "reply" : "replies"}`,
              onclick: () => context.openThread(message),
            })
          : null,
        !options.inThread && !message.ephemeral && !message.notice
          ? el("button", {
              type: "button",
              class: "reply-in-thread",
              title: "Reply in thread",
              "aria-label": "Reply in thread",
              text: "Reply",
              onclick: () => context.openThread(message),
            })
          : null,
      ]),
    ],
  );
}

function initial(name) {
  return [...String(name).trim()][0]?.toUpperCase() ?? "?";
}

function tsMillis(ts) {
  return Math.floor(Number(ts) * 1000);
}

function timeOf(ts) {
  return new Date(tsMillis(ts)).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}
