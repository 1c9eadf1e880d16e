import { randomBytes } from "node:crypto";
import { isRecord } from "./block-kit-text.ts";
import {
  EMULATED_APP_ID,
  EMULATED_BOT_ID,
  EMULATED_TEAM_ID,
  type OpenView,
  type StoredMessage,
} from "./emulator-types.ts";

export { isRecord };

function randomSlackId(): string {
  return randomBytes(6).toString("base64url").slice(0, 5);
}

function uniqueId(taken: Set<string>): string {
  let id = randomSlackId();
  while (taken.has(id)) id = randomSlackId();
  taken.add(id);
  return id;
}

function interactiveElements(block: Record<string, unknown>): Record<string, unknown>[] {
  const candidates: unknown[] = [];
  if (Array.isArray(block.elements) && block.type === "actions") candidates.push(...block.elements);
  if (block.accessory !== undefined) candidates.push(block.accessory);
  if (block.element !== undefined) candidates.push(block.element);
  return candidates.filter((element): element is Record<string, unknown> => isRecord(element));
}

/**
 * Slack fills in a random block_id / action_id wherever the app left them out, and
 * interaction payloads carry those generated ids, so stored blocks get them too.
 */
export function withGeneratedIds(blocks: unknown[]): unknown[] {
  const copy: unknown[] = structuredClone(blocks);
  const blockIds = new Set<string>();
  const actionIds = new Set<string>();
  for (const block of copy) {
    if (!isRecord(block)) continue;
    if (typeof block.block_id === "string") blockIds.add(block.block_id);
    for (const element of interactiveElements(block)) {
      if (typeof element.action_id === "string") actionIds.add(element.action_id);
    }
  }
  for (const block of copy) {
    if (!isRecord(block)) continue;
    if (block.block_id === undefined) block.block_id = uniqueId(blockIds);
    for (const element of interactiveElements(block)) {
      if (element.action_id === undefined && element.type !== "image") {
        element.action_id = uniqueId(actionIds);
      }
    }
  }
  return copy;
}

/** A Web API argument as a string (form posts send numbers as text). */
export function stringArg(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  return undefined;
}

/** A Web API boolean argument, sent as true, "true" or 1. */
export function isTruthyArg(value: unknown): boolean {
  return value === true || value === "true" || value === "1" || value === 1;
}

/** The message object Slack returns from chat.* and conversations.* methods. */
export function toSlackMessage(
  message: StoredMessage,
  botUserId: string,
  options: { includeMetadata: boolean; replyCount?: number },
): Record<string, unknown> {
  const fromBot = message.user === botUserId;
  const slack: Record<string, unknown> = {
    type: "message",
    ts: message.ts,
    user: message.user,
    text: message.text ?? "",
    team: EMULATED_TEAM_ID,
  };
  if (fromBot) {
    slack.bot_id = EMULATED_BOT_ID;
    slack.app_id = EMULATED_APP_ID;
  }
  if (message.blocks) slack.blocks = structuredClone(message.blocks);
  if (message.threadTs) slack.thread_ts = message.threadTs;
  if (options.replyCount !== undefined && options.replyCount > 0) {
    slack.thread_ts = message.ts;
    slack.reply_count = options.replyCount;
  }
  if (message.replaced) slack.edited = { user: message.user, ts: message.ts };
  if (message.files) slack.files = structuredClone(message.files);
  if (options.includeMetadata && message.metadata !== undefined) {
    slack.metadata = structuredClone(message.metadata);
  }
  return slack;
}

/** The view object Slack returns from views.* and sends in interaction payloads. */
export function toSlackView(
  open: OpenView,
  stateValues: Record<string, unknown> = {},
): Record<string, unknown> {
  const view = open.view;
  return {
    id: open.id,
    team_id: EMULATED_TEAM_ID,
    type: view.type,
    blocks: structuredClone(view.blocks ?? []),
    private_metadata: view.private_metadata ?? "",
    callback_id: view.callback_id ?? "",
    state: { values: structuredClone(stateValues) },
    hash: open.hash,
    title: structuredClone(view.title),
    clear_on_close: view.clear_on_close ?? false,
    notify_on_close: view.notify_on_close ?? false,
    close: structuredClone(view.close ?? null),
    submit: structuredClone(view.submit ?? null),
    previous_view_id: open.previousViewId ?? null,
    root_view_id: open.rootViewId,
    app_id: EMULATED_APP_ID,
    external_id: view.external_id ?? "",
    app_installed_team_id: EMULATED_TEAM_ID,
    bot_id: EMULATED_BOT_ID,
  };
}
