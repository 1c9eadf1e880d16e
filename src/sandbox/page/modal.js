// @ts-check
// The top modal of the user's stack: title, blocks, Submit and Close, field errors under
// inputs, and a banner when Slack could not reach the app. Close on a pushed view goes back.
import { renderBlocks } from "./blocks.js";
import { el } from "./dom.js";
import { plainText } from "./mrkdwn.js";

/** What Slack's client says under a required input left empty; it never sends such a submission. */
export const requiredFieldText = "Please complete this required field.";

/**
 * @typedef {object} ModalOptions
 * @property {import("./surface.js").Surface} surface
 * @property {string | undefined} banner
 * @property {boolean} stacked  a view below this one exists (Close goes back)
 * @property {() => void} onSubmit
 * @property {() => void} onClose
 */

/** Draws the modal into `root`, or empties it when no modal is open. */
export function renderModal(root, modal, options) {
  if (!modal) {
    root.replaceChildren();
    return;
  }
  const view = modal.view;
  const submit = plainText(view.submit);
  const close = plainText(view.close) || "Cancel";
  root.replaceChildren(
    el("div", { class: "backdrop" }, [
      el(
        "div",
        {
          class: "modal",
          role: "dialog",
          "aria-modal": "true",
          "aria-label": plainText(view.title),
          "data-view-id": modal.id,
        },
        [
          el("header", { class: "modal-header" }, [
            options.stacked
              ? el("button", {
                  type: "button",
                  class: "modal-back",
                  "aria-label": "Back",
                  text: "‹",
                  onclick: options.onClose,
                })
              : null,
            el("h2", { text: plainText(view.title) }),
            el("button", {
              type: "button",
              class: "modal-x",
              "aria-label": "Close",
              text: "×",
              onclick: options.onClose,
            }),
          ]),
          options.banner ? el("div", { class: "modal-banner", role: "alert", text: options.banner }) : null,
          el("div", { class: "modal-body" }, renderBlocks(view.blocks, options.surface)),
          el("footer", { class: "modal-footer" }, [
            el("button", { type: "button", class: "sk-button", text: close, onclick: options.onClose }),
            submit
              ? el("button", {
                  type: "button",
                  class: "sk-button primary modal-submit",
                  text: submit,
                  onclick: options.onSubmit,
                })
              : null,
          ]),
        ],
      ),
    ]),
  );
}

/** The input blocks a submission would leave empty though they are required, as Slack's client checks. */
export function missingRequired(blocks, values) {
  const missing = {};
  for (const block of Array.isArray(blocks) ? blocks : []) {
    if (block?.type !== "input" || block.optional === true || !block.element) continue;
    const entry = values[block.block_id]?.[block.element.action_id];
    if (!(entry ? hasValue(entry) : hasInitialValue(block.element)))
      missing[block.block_id] = requiredFieldText;
  }
  return missing;
}

function hasValue(entry) {
  return Object.entries(entry).some(
    ([key, value]) =>
      key !== "type" && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0),
  );
}

function hasInitialValue(element) {
  return Object.entries(element).some(
    ([key, value]) =>
      key.startsWith("initial_") &&
      value !== null &&
      value !== "" &&
      !(Array.isArray(value) && value.length === 0),
  );
}
