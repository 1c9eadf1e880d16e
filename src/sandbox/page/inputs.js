// @ts-check
// Elements people type or tick in: text and number inputs, date and time pickers,
// checkboxes, radio buttons and file inputs.
import { el, toast } from "./dom.js";
import { plainText, textObjectHtml } from "./mrkdwn.js";
import { currentValue, dispatches, setValue } from "./surface.js";

const inputTypes = {
  plain_text_input: "text",
  number_input: "number",
  email_text_input: "email",
  url_text_input: "url",
  rich_text_input: "text",
};

/** plain_text_input, number_input, email/url inputs and (as plain text) rich_text_input. */
export function textInput(element, blockId, surface, place) {
  const saved = currentValue(surface, blockId, element);
  const rich = element.type === "rich_text_input";
  const initial = saved
    ? savedText(saved, rich)
    : rich
      ? richText(element.initial_value)
      : element.initial_value;
  const multiline = element.multiline === true || rich;
  const field = /** @type {HTMLInputElement} */ (
    el(multiline ? "textarea" : "input", {
      class: "sk-text-input",
      type: multiline ? undefined : inputTypes[element.type],
      step: element.type === "number_input" ? (element.is_decimal_allowed ? "any" : "1") : undefined,
      min: element.min_value,
      max: element.max_value,
      minlength: element.min_length,
      maxlength: element.max_length,
      placeholder: plainText(element.placeholder),
      "data-action-id": element.action_id,
      "data-block-id": blockId,
    })
  );
  field.value = initial ?? "";
  const record = () => {
    const text = field.value;
    if (rich) {
      const section = { type: "rich_text_section", elements: [{ type: "text", text }] };
      setValue(surface, blockId, element, { rich_text_value: { type: "rich_text", elements: [section] } });
    } else setValue(surface, blockId, element, { value: text === "" ? null : text });
  };
  field.addEventListener("input", record);
  if (dispatches(place)) {
    // Slack sends a typed value when Enter is pressed (dispatch_action_config's default).
    field.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" || multiline) return;
      event.preventDefault();
      record();
      surface.act({ blockId, element });
    });
  }
  return field;
}

function savedText(saved, rich) {
  if (!rich) return saved.value ?? "";
  return saved.rich_text_value?.elements?.[0]?.elements?.[0]?.text ?? "";
}

function richText(value) {
  const texts = [];
  const walk = (node) => {
    if (!node || typeof node !== "object") return;
    if (typeof node.text === "string") texts.push(node.text);
    for (const child of node.elements ?? []) walk(child);
  };
  walk(value);
  return texts.join("");
}

const pickers = {
  datepicker: { type: "date", key: "selected_date", initial: "initial_date", act: "selectedDate" },
  timepicker: { type: "time", key: "selected_time", initial: "initial_time", act: "selectedTime" },
  datetimepicker: { type: "datetime-local", key: "selected_date_time", initial: "initial_date_time" },
};

/** datepicker, timepicker and datetimepicker, with the browser's own pickers. */
export function dateInput(element, blockId, surface, place) {
  const spec = pickers[element.type];
  const saved = currentValue(surface, blockId, element);
  const field = /** @type {HTMLInputElement} */ (
    el("input", { class: "sk-date", type: spec.type, "data-action-id": element.action_id })
  );
  const initial = saved ? saved[spec.key] : element[spec.initial];
  field.value =
    element.type === "datetimepicker" && initial ? toLocalInput(Number(initial)) : (initial ?? "");
  field.addEventListener("change", () => {
    const picked =
      element.type === "datetimepicker" ? Math.floor(new Date(field.value).getTime() / 1000) : field.value;
    setValue(surface, blockId, element, { [spec.key]: field.value === "" ? null : picked });
    if (dispatches(place) && spec.act) surface.act({ blockId, element, [spec.act]: field.value });
  });
  return field;
}

function toLocalInput(seconds) {
  const date = new Date(seconds * 1000);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** checkboxes and radio_buttons: every option with its optional description. */
export function choiceInput(element, blockId, surface, place) {
  const multiple = element.type === "checkboxes";
  const saved = currentValue(surface, blockId, element);
  const chosen = saved
    ? multiple
      ? saved.selected_options
      : [saved.selected_option].filter(Boolean)
    : multiple
      ? (element.initial_options ?? [])
      : [element.initial_option].filter(Boolean);
  const values = new Set(chosen.map((option) => option.value));
  const group = el("div", { class: "sk-choices", role: multiple ? "group" : "radiogroup" });
  const name = `${blockId}-${element.action_id}`;
  for (const option of element.options ?? []) {
    const box = /** @type {HTMLInputElement} */ (
      el("input", { type: multiple ? "checkbox" : "radio", name, value: option.value })
    );
    box.checked = values.has(option.value);
    box.addEventListener("change", () => {
      const ticked = [...group.querySelectorAll("input")].filter((input) => input.checked);
      const picked = (element.options ?? []).filter((o) => ticked.some((input) => input.value === o.value));
      if (multiple) setValue(surface, blockId, element, { selected_options: picked });
      else setValue(surface, blockId, element, { selected_option: picked[0] ?? null });
      if (dispatches(place)) surface.act({ blockId, element, option, options: picked });
    });
    group.append(
      el("label", { class: "sk-choice" }, [
        box,
        el("span", {}, [
          el("span", { html: textObjectHtml(option.text, surface.names) }),
          option.description
            ? el("span", {
                class: "sk-choice-description",
                html: textObjectHtml(option.description, surface.names),
              })
            : null,
        ]),
      ]),
    );
  }
  return group;
}

/** file_input: the picked files go to the emulated Slack first; the state then names them. */
export function fileInput(element, blockId, surface) {
  const saved = currentValue(surface, blockId, element);
  const list = el("div", { class: "sk-file-list" });
  const show = (files) => {
    list.replaceChildren(...files.map((file) => el("span", { class: "sk-file-chip", text: file.name })));
  };
  show(saved?.files ?? []);
  const accept = (element.filetypes ?? []).map((type) => `.${type}`).join(",");
  const picker = /** @type {HTMLInputElement} */ (
    el("input", {
      type: "file",
      accept: accept || undefined,
      multiple: (element.max_files ?? 10) > 1,
      "data-action-id": element.action_id,
      "data-block-id": blockId,
    })
  );
  picker.addEventListener("change", async () => {
    const picked = [...(picker.files ?? [])].slice(0, element.max_files ?? 10);
    list.replaceChildren(el("span", { class: "sk-file-chip", text: "Uploading…" }));
    try {
      const uploaded = await Promise.all(picked.map((file) => surface.upload(file)));
      setValue(surface, blockId, element, { files: uploaded });
      show(uploaded);
    } catch (error) {
      toast(`Upload failed: ${error instanceof Error ? error.message : String(error)}`);
      show([]);
    }
  });
  return el("div", { class: "sk-file-input" }, [picker, list]);
}
