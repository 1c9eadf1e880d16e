import { elementsWithBlocks, optionsOf, textOf } from "./driver-find.ts";
import { isRecord } from "./emulator-format.ts";

export type SubmittedValue = string | string[] | { value: string; label?: string };
export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

interface StatefulElement {
  blockId: string;
  actionId: string;
  element: Record<string, unknown>;
  type: string;
  label?: string;
  optional: boolean;
}

const SINGLE_KEYS: Record<string, [stateKey: string, initialKey: string]> = {
  plain_text_input: ["value", "initial_value"],
  email_text_input: ["value", "initial_value"],
  url_text_input: ["value", "initial_value"],
  number_input: ["value", "initial_value"],
  static_select: ["selected_option", "initial_option"],
  external_select: ["selected_option", "initial_option"],
  radio_buttons: ["selected_option", "initial_option"],
  datepicker: ["selected_date", "initial_date"],
  timepicker: ["selected_time", "initial_time"],
  datetimepicker: ["selected_date_time", "initial_date_time"],
  users_select: ["selected_user", "initial_user"],
  conversations_select: ["selected_conversation", "initial_conversation"],
  channels_select: ["selected_channel", "initial_channel"],
  rich_text_input: ["rich_text_value", "initial_value"],
};

const MULTI_KEYS: Record<string, [stateKey: string, initialKey: string]> = {
  multi_static_select: ["selected_options", "initial_options"],
  multi_external_select: ["selected_options", "initial_options"],
  checkboxes: ["selected_options", "initial_options"],
  multi_users_select: ["selected_users", "initial_users"],
  multi_conversations_select: ["selected_conversations", "initial_conversations"],
  multi_channels_select: ["selected_channels", "initial_channels"],
  file_input: ["files", "initial_files"],
};

function statefulElements(blocks: unknown[]): StatefulElement[] {
  const labels = new Map<string, { label: string; optional: boolean }>();
  for (const block of blocks) {
    if (isRecord(block) && block.type === "input" && typeof block.block_id === "string") {
      labels.set(block.block_id, { label: textOf(block.label), optional: block.optional === true });
    }
  }
  return elementsWithBlocks(blocks).flatMap(({ blockId, element }) => {
    const type = typeof element.type === "string" ? element.type : "";
    if (!SINGLE_KEYS[type] && !MULTI_KEYS[type]) return [];
    const input = labels.get(blockId);
    const actionId = typeof element.action_id === "string" ? element.action_id : "";
    const stateful: StatefulElement = { blockId, actionId, element, type, optional: input?.optional ?? true };
    if (input) stateful.label = input.label;
    return [stateful];
  });
}

function emptyState(stateful: StatefulElement): Record<string, unknown> {
  const { type, element } = stateful;
  const single = SINGLE_KEYS[type];
  if (single) return { type, [single[0]]: structuredClone(element[single[1]] ?? null) };
  const multi = MULTI_KEYS[type];
  return multi ? { type, [multi[0]]: structuredClone(element[multi[1]] ?? []) } : { type };
}

/** view.state.values as Slack reports it before the user has changed anything. */
export function initialState(blocks: unknown[]): StateValues {
  const values: StateValues = {};
  for (const stateful of statefulElements(blocks)) {
    values[stateful.blockId] ??= {};
    const forBlock = values[stateful.blockId];
    if (forBlock) forBlock[stateful.actionId] = emptyState(stateful);
  }
  return values;
}

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

/** Turns a file id the test names into the file object Slack puts in a file_input's state. */
export type FileResolver = (fileId: string) => Record<string, unknown>;

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
