import { isRecord } from "../emulator/block-kit-text.ts";
import { elementsWithBlocks, textOf } from "./elements.ts";

/** view.state.values / message state.values: block_id → action_id → the element's state. */
export type StateValues = Record<string, Record<string, Record<string, unknown>>>;

/** Turns a file id into the file object Slack puts in a file_input's state. */
export type FileResolver = (fileId: string) => Record<string, unknown>;

/** An element that keeps state, with its input block's label when it sits in one. */
export interface StatefulElement {
  blockId: string;
  actionId: string;
  element: Record<string, unknown>;
  type: string;
  label?: string;
  optional: boolean;
}

/** Elements holding one value: the key Slack reports it under, and the key of its initial value. */
export const SINGLE_KEYS: Record<string, [stateKey: string, initialKey: string]> = {
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

/** Elements holding a list, likewise. */
export const MULTI_KEYS: Record<string, [stateKey: string, initialKey: string]> = {
  multi_static_select: ["selected_options", "initial_options"],
  multi_external_select: ["selected_options", "initial_options"],
  checkboxes: ["selected_options", "initial_options"],
  multi_users_select: ["selected_users", "initial_users"],
  multi_conversations_select: ["selected_conversations", "initial_conversations"],
  multi_channels_select: ["selected_channels", "initial_channels"],
  file_input: ["files", "initial_files"],
};

/** Every element of the blocks that Slack reports in state, in order. */
export function statefulElements(blocks: unknown[]): StatefulElement[] {
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

/** The key an element's state is reported under (value, selected_option, files, …). */
export function stateKeyOf(type: string): string {
  return SINGLE_KEYS[type]?.[0] ?? MULTI_KEYS[type]?.[0] ?? "value";
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

/**
 * State as the user left it: `entered` (Slack's own shape, e.g. from the sandbox page) over
 * the initial values. Ids the blocks do not have and entries of the wrong type are ignored,
 * and file_input entries name uploaded file ids that become full file objects.
 */
export function enteredState(blocks: unknown[], entered: unknown, resolveFile: FileResolver): StateValues {
  const state = initialState(blocks);
  if (!isRecord(entered)) return state;
  for (const { blockId, actionId, type } of statefulElements(blocks)) {
    const forBlock = entered[blockId];
    const value = isRecord(forBlock) ? forBlock[actionId] : undefined;
    const target = state[blockId];
    if (!isRecord(value) || value.type !== type || !target) continue;
    const key = stateKeyOf(type);
    const given = value[key];
    target[actionId] = {
      type,
      [key]:
        type === "file_input"
          ? fileIds(given).map(resolveFile)
          : structuredClone(given ?? (MULTI_KEYS[type] ? [] : null)),
    };
  }
  return state;
}

function fileIds(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (typeof entry === "string") return [entry];
    return isRecord(entry) && typeof entry.id === "string" ? [entry.id] : [];
  });
}
