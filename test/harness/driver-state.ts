import { optionsOf, textOf } from "../../src/sandbox/wire/elements.ts";
import {
  type FileResolver,
  initialState,
  MULTI_KEYS,
  SINGLE_KEYS,
  type StatefulElement,
  type StateValues,
  statefulElements,
} from "../../src/sandbox/wire/view-state.ts";

export type SubmittedValue = string | string[] | { value: string; label?: string };

function pickOption(stateful: StatefulElement, wanted: SubmittedValue): Record<string, unknown> {
  const label = typeof wanted === "object" && !Array.isArray(wanted) ? wanted.label : undefined;
  const value = typeof wanted === "object" && !Array.isArray(wanted) ? wanted.value : String(wanted);
  if (stateful.type.includes("external")) {
    return { text: { type: "plain_text", text: label ?? value, emoji: true }, value };
  }
  const options = optionsOf(stateful.element);
  const option =
    options.find(
      (candidate) => candidate.value === value && (label === undefined || textOf(candidate.text) === label),
    ) ?? options.find((candidate) => textOf(candidate.text) === value);
  if (!option) {
    const available = options
      .map((candidate) => `${textOf(candidate.text)}=${String(candidate.value)}`)
      .join(", ");
    throw new Error(
      `"${value}" is not an option of ${stateful.blockId}/${stateful.actionId} (options: ${available})`,
    );
  }
  return structuredClone(option);
}

function asList(value: SubmittedValue): SubmittedValue[] {
  return Array.isArray(value) ? value : [value];
}

function plainValue(value: SubmittedValue): string {
  if (Array.isArray(value)) throw new Error(`expected a single value, got ${JSON.stringify(value)}`);
  return typeof value === "string" ? value : value.value;
}

// The Slack client refuses to submit input it does not accept, so neither does the driver.
function checkTyped(stateful: StatefulElement, text: string): void {
  const { element, blockId } = stateful;
  if (typeof element.max_length === "number" && text.length > element.max_length) {
    throw new Error(`${blockId}: at most ${element.max_length} characters allowed, got ${text.length}`);
  }
  if (typeof element.min_length === "number" && text.length < element.min_length) {
    throw new Error(`${blockId}: at least ${element.min_length} characters required, got ${text.length}`);
  }
  if (stateful.type !== "number_input") return;
  const pattern = element.is_decimal_allowed === true ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
  if (!pattern.test(text)) throw new Error(`${blockId}: "${text}" is not a valid number for this input`);
  const number = Number(text);
  if (element.min_value !== undefined && number < Number(element.min_value)) {
    throw new Error(`${blockId}: ${text} is below min_value ${String(element.min_value)}`);
  }
  if (element.max_value !== undefined && number > Number(element.max_value)) {
    throw new Error(`${blockId}: ${text} is above max_value ${String(element.max_value)}`);
  }
}

function filledState(
  stateful: StatefulElement,
  value: SubmittedValue,
  resolveFile: FileResolver,
): Record<string, unknown> {
  const { type } = stateful;
  switch (type) {
    case "file_input":
      return { type, files: asList(value).map(plainValue).map(resolveFile) };
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return { type, selected_option: pickOption(stateful, value) };
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      return { type, selected_options: asList(value).map((entry) => pickOption(stateful, entry)) };
    case "multi_users_select":
    case "multi_conversations_select":
    case "multi_channels_select": {
      const key = MULTI_KEYS[type]?.[0] ?? "selected_options";
      return { type, [key]: asList(value).map(plainValue) };
    }
    case "datetimepicker":
      return { type, selected_date_time: Number(plainValue(value)) };
    case "rich_text_input": {
      const text = plainValue(value);
      const section = { type: "rich_text_section", elements: [{ type: "text", text }] };
      return { type, rich_text_value: { type: "rich_text", elements: [section] } };
    }
    default: {
      const text = plainValue(value);
      checkTyped(stateful, text);
      const key = SINGLE_KEYS[type]?.[0] ?? "value";
      return { type, [key]: text === "" && key === "value" ? null : text };
    }
  }
}

function isEmpty(state: Record<string, unknown>): boolean {
  return Object.entries(state).every(
    ([key, value]) => key === "type" || value === null || (Array.isArray(value) && value.length === 0),
  );
}

/**
 * Builds view.state.values for a submission. Keys of `values` may be a block_id, an input
 * label or an action_id; unknown keys and missing required inputs throw, as Slack's client
 * would never send such a submission.
 */
export function submittedState(
  blocks: unknown[],
  values: Record<string, SubmittedValue>,
  resolveFile: FileResolver = (id) => {
    throw new Error(`file_input given "${id}" but no file resolver`);
  },
): StateValues {
  const elements = statefulElements(blocks);
  const state = initialState(blocks);
  for (const [key, value] of Object.entries(values)) {
    const matched = elements.filter(
      (stateful) => stateful.blockId === key || stateful.label === key || stateful.actionId === key,
    );
    const [target] = matched;
    if (!target) {
      const known = elements.map(
        (stateful) => `${stateful.blockId} ("${stateful.label ?? stateful.actionId}")`,
      );
      throw new Error(`No input matches "${key}". Inputs: ${known.join(", ") || "none"}`);
    }
    if (matched.length > 1) throw new Error(`"${key}" matches several inputs; use the block_id`);
    const forBlock = state[target.blockId];
    if (forBlock) forBlock[target.actionId] = filledState(target, value, resolveFile);
  }
  for (const stateful of elements) {
    if (stateful.label === undefined || stateful.optional) continue;
    const current = state[stateful.blockId]?.[stateful.actionId];
    if (!current || isEmpty(current)) {
      throw new Error(
        `Required input "${stateful.label}" (${stateful.blockId}) has no value; Slack would not submit`,
      );
    }
  }
  return state;
}
