// @ts-check
// The message box: Enter sends, Shift+Enter breaks the line, "/" lists the app's slash commands
// (from its manifest) and Tab completes the one highlighted.
import { el } from "./dom.js";

/**
 * Wires a composer form; `send` gets the typed text and answers whether to clear the box.
 * @param {HTMLFormElement} form
 * @param {{ commands: () => {command: string, description: string, usageHint: string}[], send: (text: string) => Promise<boolean> }} options
 */
export function wireComposer(form, options) {
  const input = /** @type {HTMLTextAreaElement} */ (form.querySelector("textarea"));
  const hints = /** @type {HTMLElement | null} */ (form.querySelector(".command-hints"));
  const matching = () => {
    const typed = input.value;
    if (!typed.startsWith("/") || /\s/.test(typed)) return [];
    return options.commands().filter((entry) => entry.command.startsWith(typed.toLowerCase()));
  };
  const showHints = () => {
    if (!hints) return;
    const found = matching();
    hints.hidden = found.length === 0;
    hints.replaceChildren(
      ...found.map((entry) =>
        el(
          "button",
          {
            type: "button",
            class: "command-hint",
            onclick: () => {
              input.value = `${entry.command} `;
              showHints();
              input.focus();
            },
          },
          [
            el("span", { class: "command-name", text: entry.command }),
            el("span", { class: "command-usage", text: entry.usageHint }),
            el("span", { class: "command-description", text: entry.description }),
          ],
        ),
      ),
    );
  };
  const submit = async () => {
    const text = input.value.trim();
    if (text === "") return;
    if (await options.send(text)) input.value = "";
    showHints();
  };
  input.addEventListener("input", showHints);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Tab" && matching().length > 0) {
      event.preventDefault();
      input.value = `${matching()[0]?.command ?? ""} `;
      showHints();
    } else if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void submit();
  });
}
