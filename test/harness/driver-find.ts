import { elementsWithBlocks, optionsOf, textOf } from "../../src/sandbox/wire/elements.ts";

/** Something a user can click: a button, or one option of an overflow / select / radio group. */
export interface Clickable {
  blockId: string;
  actionId: string;
  element: Record<string, unknown>;
  option?: Record<string, unknown>;
  label: string;
  value?: string;
}

export interface ClickFilter {
  actionId?: string;
  label?: string;
  value?: string;
}

const OPTION_ELEMENTS = new Set([
  "overflow",
  "static_select",
  "multi_static_select",
  "radio_buttons",
  "checkboxes",
]);

export function listClickables(blocks: unknown[]): Clickable[] {
  const clickables: Clickable[] = [];
  for (const { blockId, element } of elementsWithBlocks(blocks)) {
    const actionId = typeof element.action_id === "string" ? element.action_id : "";
    if (element.type === "button") {
      const clickable: Clickable = { blockId, actionId, element, label: textOf(element.text) };
      if (typeof element.value === "string") clickable.value = element.value;
      clickables.push(clickable);
    } else if (typeof element.type === "string" && OPTION_ELEMENTS.has(element.type)) {
      for (const option of optionsOf(element)) {
        const clickable: Clickable = { blockId, actionId, element, option, label: textOf(option.text) };
        if (typeof option.value === "string") clickable.value = option.value;
        clickables.push(clickable);
      }
    }
  }
  return clickables;
}

export function describeClickables(clickables: Clickable[]): string {
  if (clickables.length === 0) return "  (nothing clickable)";
  return clickables
    .map((clickable) => {
      const kind = clickable.option ? `${String(clickable.element.type)} option` : "button";
      const value = clickable.value === undefined ? "" : `, value=${JSON.stringify(clickable.value)}`;
      return `  [${kind}] ${JSON.stringify(clickable.label)} (action_id=${clickable.actionId}${value})`;
    })
    .join("\n");
}

function matches(clickable: Clickable, filter: ClickFilter, looseLabel: boolean): boolean {
  if (filter.actionId !== undefined && clickable.actionId !== filter.actionId) return false;
  if (filter.value !== undefined && clickable.value !== filter.value) return false;
  if (filter.label === undefined) return true;
  if (looseLabel) return clickable.label.trim().toLowerCase() === filter.label.trim().toLowerCase();
  return clickable.label === filter.label;
}

/** Finds exactly one clickable; buttons win over options when an action_id alone is given. */
export function findClickable(blocks: unknown[], filter: ClickFilter, where: string): Clickable {
  if (filter.actionId === undefined && filter.label === undefined && filter.value === undefined) {
    throw new Error("clickButton needs at least one of actionId, label or value");
  }
  const all = listClickables(blocks);
  let found = all.filter((clickable) => matches(clickable, filter, false));
  if (found.length === 0) found = all.filter((clickable) => matches(clickable, filter, true));
  if (found.length > 1 && filter.label === undefined && filter.value === undefined) {
    const buttons = found.filter((clickable) => !clickable.option);
    if (buttons.length > 0) found = buttons;
  }
  const [first] = found;
  if (first && found.length === 1) return first;
  const problem = found.length === 0 ? "No clickable element matches" : "Several clickable elements match";
  throw new Error(
    `${problem} ${JSON.stringify(filter)} in ${where}. Available:\n${describeClickables(found.length ? found : all)}`,
  );
}
