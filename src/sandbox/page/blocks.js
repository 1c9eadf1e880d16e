// @ts-check
// Block Kit, drawn generically: the page knows Slack's blocks and elements, nothing of the app.
import { el, unsupported } from "./dom.js";
import { choiceInput, dateInput, fileInput, textInput } from "./inputs.js";
import { button, externalSelect, overflow, staticSelect } from "./menus.js";
import { escapeHtml, plainText, textObjectHtml } from "./mrkdwn.js";

const elementRenderers = {
  button,
  overflow,
  static_select: staticSelect,
  multi_static_select: staticSelect,
  users_select: staticSelect,
  multi_users_select: staticSelect,
  conversations_select: staticSelect,
  multi_conversations_select: staticSelect,
  channels_select: staticSelect,
  multi_channels_select: staticSelect,
  external_select: externalSelect,
  multi_external_select: externalSelect,
  datepicker: dateInput,
  timepicker: dateInput,
  datetimepicker: dateInput,
  checkboxes: choiceInput,
  radio_buttons: choiceInput,
  plain_text_input: textInput,
  number_input: textInput,
  email_text_input: textInput,
  url_text_input: textInput,
  rich_text_input: textInput,
  file_input: fileInput,
  image: (element) =>
    el("img", { class: "sk-image-element", src: element.image_url, alt: element.alt_text ?? "" }),
};

/**
 * One element; `place` says where it sits (actions, accessory, input, dispatch = an input
 * block with dispatch_action), which decides whether a change is sent at once.
 */
export function renderElement(element, blockId, surface, place) {
  const render = element && elementRenderers[element.type];
  if (!render) return unsupported("element", element?.type);
  try {
    return render(element, blockId, surface, place);
  } catch (error) {
    console.error("could not draw element", element, error);
    return unsupported("element", element.type);
  }
}

/** A list of blocks; a block that cannot be drawn shows a placeholder instead. */
export function renderBlocks(blocks, surface) {
  return (Array.isArray(blocks) ? blocks : []).map((block) => {
    const render = block && blockRenderers[block.type];
    if (!render) return el("div", { class: "sk-block" }, [unsupported("block", block?.type)]);
    try {
      return el("div", { class: `sk-block sk-block-${block.type}`, "data-block-id": block.block_id }, [
        render(block, surface),
      ]);
    } catch (error) {
      console.error("could not draw block", block, error);
      return el("div", { class: "sk-block" }, [unsupported("block", block.type)]);
    }
  });
}

const blockRenderers = {
  section: (block, surface) =>
    el("div", { class: "sk-section-body" }, [
      el("div", { class: "sk-section-main" }, [
        block.text ? el("div", { class: "sk-text", html: textObjectHtml(block.text, surface.names) }) : null,
        Array.isArray(block.fields)
          ? el(
              "div",
              { class: "sk-fields" },
              block.fields.map((field) =>
                el("div", { class: "sk-field", html: textObjectHtml(field, surface.names) }),
              ),
            )
          : null,
      ]),
      block.accessory
        ? el("div", { class: "sk-accessory" }, [
            renderElement(block.accessory, block.block_id, surface, "accessory"),
          ])
        : null,
    ]),
  header: (block) => el("h3", { class: "sk-header-text", text: plainText(block.text) }),
  divider: () => el("hr", { class: "sk-divider" }),
  context: (block, surface) =>
    el(
      "div",
      { class: "sk-context-row" },
      (block.elements ?? []).map((item) =>
        item.type === "image"
          ? el("img", { class: "sk-context-image", src: item.image_url, alt: item.alt_text ?? "" })
          : el("span", { html: textObjectHtml(item, surface.names) }),
      ),
    ),
  image: (block) =>
    el("figure", { class: "sk-image-block" }, [
      block.title ? el("figcaption", { text: plainText(block.title) }) : null,
      block.image_url
        ? el("img", { src: block.image_url, alt: block.alt_text ?? "" })
        : unsupported("image source", "slack_file"),
    ]),
  actions: (block, surface) =>
    el(
      "div",
      { class: "sk-actions-row" },
      (block.elements ?? []).map((element) => renderElement(element, block.block_id, surface, "actions")),
    ),
  input: (block, surface) => {
    const error = surface.errors[block.block_id];
    return el("div", { class: `sk-input-body${error ? " has-error" : ""}` }, [
      el("label", { class: "sk-label" }, [
        plainText(block.label),
        block.optional ? el("span", { class: "sk-optional", text: " (optional)" }) : null,
      ]),
      renderElement(block.element, block.block_id, surface, block.dispatch_action ? "dispatch" : "input"),
      block.hint ? el("div", { class: "sk-hint", text: plainText(block.hint) }) : null,
      error ? el("div", { class: "sk-field-error", role: "alert", text: error }) : null,
    ]);
  },
  rich_text: (block, surface) =>
    el("div", { class: "sk-rich-text", html: richTextHtml(block.elements, surface) }),
};

function richTextHtml(elements, surface) {
  return (elements ?? [])
    .map((part) => {
      const inner = richTextHtml(part.elements, surface);
      switch (part.type) {
        case "rich_text_section":
          return `<div>${inner}</div>`;
        case "rich_text_quote":
          return `<span class="quote">${inner}</span>`;
        case "rich_text_preformatted":
          return `<pre>${inner}</pre>`;
        case "rich_text_list": {
          const tag = part.style === "ordered" ? "ol" : "ul";
          return `<${tag}>${(part.elements ?? []).map((item) => `<li>${richTextHtml(item.elements, surface)}</li>`).join("")}</${tag}>`;
        }
        case "text":
          return styledText(escapeHtml(part.text ?? "").replaceAll("\n", "<br>"), part.style);
        case "link":
          return `<a href="${escapeHtml(part.url ?? "")}" target="_blank" rel="noopener">${escapeHtml(part.text ?? part.url ?? "")}</a>`;
        case "user":
          return `<span class="mention">@${escapeHtml(surface.names.userName(part.user_id))}</span>`;
        case "channel":
          return `<span class="mention">#${escapeHtml(surface.names.channelName(part.channel_id))}</span>`;
        case "emoji":
          return part.unicode
            ? String.fromCodePoint(...part.unicode.split("-").map((hex) => Number.parseInt(hex, 16)))
            : `:${escapeHtml(part.name)}:`;
        default:
          return `<span class="sk-unsupported">unsupported rich text: ${escapeHtml(part.type)}</span>`;
      }
    })
    .join("");
}

function styledText(html, style) {
  let out = html;
  if (style?.code) out = `<code>${out}</code>`;
  if (style?.bold) out = `<b>${out}</b>`;
  if (style?.italic) out = `<i>${out}</i>`;
  if (style?.strike) out = `<s>${out}</s>`;
  return out;
}
