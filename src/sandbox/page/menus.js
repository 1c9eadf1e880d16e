// @ts-check
// Elements people click or pick from: buttons, static and external selects, the people and
// channel pickers, and overflow menus.
import { askToConfirm, el } from "./dom.js";
import { plainText, textObjectHtml } from "./mrkdwn.js";
import { currentValue, dispatches, setValue } from "./surface.js";

/** A button of any style; a `confirm` object asks first, a `url` also opens the link. */
export function button(element, blockId, surface) {
  const style = element.style === "primary" || element.style === "danger" ? element.style : "";
  return el("button", {
    type: "button",
    class: `sk-button ${style}`,
    "data-action-id": element.action_id,
    text: plainText(element.text),
    onclick: async () => {
      if (element.confirm && !(await confirmed(element.confirm, surface))) return;
      if (element.url) window.open(element.url, "_blank", "noopener");
      surface.act({ blockId, element });
    },
  });
}

function confirmed(confirm, surface) {
  return askToConfirm({
    title: plainText(confirm.title) || "Are you sure?",
    html: textObjectHtml(confirm.text, surface.names),
    confirm: plainText(confirm.confirm) || "Yes",
    deny: plainText(confirm.deny) || "Cancel",
    danger: confirm.style === "danger",
  });
}

/** Where a select's options come from: the blocks, or the workspace's people and channels. */
function optionsFor(element, surface) {
  const type = element.type.replace(/^multi_/, "");
  if (type === "users_select")
    return surface.names.people.filter((p) => !p.isBot).map((p) => entry(p.id, p.name));
  if (type === "conversations_select" || type === "channels_select") {
    return surface.names.channels.map((channel) => entry(channel.id, `#${channel.name}`));
  }
  return null;
}

function entry(value, text) {
  return { value, text: { type: "plain_text", text } };
}

const pickedKeys = {
  users_select: ["selected_user", "initial_user"],
  conversations_select: ["selected_conversation", "initial_conversation"],
  channels_select: ["selected_channel", "initial_channel"],
};

/** static_select and its multi form, and the users / conversations / channels selects. */
export function staticSelect(element, blockId, surface, place) {
  const multiple = element.type.startsWith("multi_");
  const directory = optionsFor(element, surface);
  const keys = pickedKeys[element.type.replace(/^multi_/, "")];
  const select = /** @type {HTMLSelectElement} */ (
    el("select", {
      class: "sk-select",
      multiple,
      "data-action-id": element.action_id,
      "data-block-id": blockId,
    })
  );
  if (!multiple)
    select.append(el("option", { value: "", text: plainText(element.placeholder) || "Select an item" }));
  const add = (parent, option) =>
    parent.append(el("option", { value: option.value, text: plainText(option.text) }));
  for (const option of directory ?? element.options ?? []) add(select, option);
  for (const group of directory ? [] : (element.option_groups ?? [])) {
    const optgroup = el("optgroup", { label: plainText(group.label) });
    for (const option of group.options ?? []) add(optgroup, option);
    select.append(optgroup);
  }
  const all = directory ?? [
    ...(element.options ?? []),
    ...(element.option_groups ?? []).flatMap((g) => g.options ?? []),
  ];
  const chosen = selectedValues(element, currentValue(surface, blockId, element), keys, multiple);
  for (const option of select.options) option.selected = chosen.includes(option.value);
  select.addEventListener("change", () => {
    const picked = all.filter((option) => [...select.selectedOptions].some((o) => o.value === option.value));
    if (keys) {
      const ids = picked.map((option) => option.value);
      setValue(surface, blockId, element, {
        [multiple ? `${keys[0]}s` : keys[0]]: multiple ? ids : (ids[0] ?? null),
      });
    } else if (multiple) setValue(surface, blockId, element, { selected_options: picked });
    else setValue(surface, blockId, element, { selected_option: picked[0] ?? null });
    if (dispatches(place)) surface.act({ blockId, element, option: picked[0], options: picked });
  });
  return select;
}

function selectedValues(element, saved, keys, multiple) {
  if (keys) {
    const key = multiple ? `${keys[0]}s` : keys[0];
    const initial = multiple ? `${keys[1]}s` : keys[1];
    const value = saved ? saved[key] : element[initial];
    return [value].flat().filter(Boolean);
  }
  const options = saved
    ? multiple
      ? saved.selected_options
      : [saved.selected_option]
    : multiple
      ? element.initial_options
      : [element.initial_option];
  return (options ?? []).filter(Boolean).map((option) => option.value);
}

/** external_select: as the user types, the app is asked for options (a block_suggestion). */
export function externalSelect(element, blockId, surface, place) {
  const multiple = element.type === "multi_external_select";
  const saved = currentValue(surface, blockId, element);
  let picked = saved ? [saved.selected_options ?? saved.selected_option].flat().filter(Boolean) : [];
  if (!saved) picked = [element.initial_options ?? element.initial_option].flat().filter(Boolean);
  const minimum = element.min_query_length ?? 3;
  const field = /** @type {HTMLInputElement} */ (
    el("input", {
      class: "sk-select sk-combo",
      role: "combobox",
      placeholder: plainText(element.placeholder) || "Type to search",
      "data-action-id": element.action_id,
      "data-block-id": blockId,
    })
  );
  const list = el("ul", { class: "sk-suggestions", role: "listbox", hidden: true });
  const chips = el("div", { class: "sk-chips" });
  const showPicked = () => {
    if (!multiple) field.value = picked[0] ? plainText(picked[0].text) : "";
    chips.replaceChildren(
      ...(multiple ? picked.map((o) => el("span", { class: "sk-chip", text: plainText(o.text) })) : []),
    );
  };
  const choose = (option) => {
    picked = multiple ? [...picked.filter((o) => o.value !== option.value), option] : [option];
    list.hidden = true;
    showPicked();
    if (multiple) setValue(surface, blockId, element, { selected_options: picked });
    else setValue(surface, blockId, element, { selected_option: option });
    if (dispatches(place)) surface.act({ blockId, element, option, options: picked });
  };
  let timer;
  field.addEventListener("input", () => {
    clearTimeout(timer);
    const typed = field.value;
    if (typed.length < minimum) {
      list.hidden = true;
      return;
    }
    timer = setTimeout(async () => {
      const answer = await surface.suggest(blockId, element, typed);
      const groups = answer.option_groups ?? [{ options: answer.options ?? [] }];
      list.replaceChildren();
      for (const group of groups) {
        if (group.label)
          list.append(el("li", { class: "sk-suggestion-group", text: plainText(group.label) }));
        for (const option of group.options ?? []) {
          list.append(
            el("li", {
              role: "option",
              class: "sk-suggestion",
              text: plainText(option.text),
              onmousedown: () => choose(option),
            }),
          );
        }
      }
      if (list.childElementCount === 0)
        list.append(el("li", { class: "sk-suggestion-empty", text: "No results" }));
      list.hidden = false;
    }, 150);
  });
  // Later than the option's mousedown, so a click on a suggestion still counts.
  field.addEventListener("blur", () =>
    setTimeout(() => {
      list.hidden = true;
      showPicked();
    }, 150),
  );
  showPicked();
  return el("div", { class: "sk-combo-wrap" }, [field, list, chips]);
}

/** overflow: the ⋯ menu; picking an option sends it at once. */
export function overflow(element, blockId, surface) {
  const menu = el("div", { class: "sk-overflow-menu", role: "menu", hidden: true });
  for (const option of element.options ?? []) {
    menu.append(
      el("button", {
        type: "button",
        role: "menuitem",
        class: "sk-overflow-item",
        text: plainText(option.text),
        onclick: () => {
          menu.hidden = true;
          surface.act({ blockId, element, option });
        },
      }),
    );
  }
  const toggle = el("button", {
    type: "button",
    class: "sk-button sk-overflow",
    "aria-label": "More actions",
    "data-action-id": element.action_id,
    text: "⋯",
    onclick: () => {
      menu.hidden = !menu.hidden;
    },
  });
  return el("div", { class: "sk-overflow-wrap" }, [toggle, menu]);
}
