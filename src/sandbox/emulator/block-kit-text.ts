// Shared pieces of the Block Kit validator: the first violation is thrown as a
// BlockKitViolation and turned into a string by the public entry points.

/** The first rule a payload breaks, with its path. */
export class BlockKitViolation extends Error {}

/** Throws a violation at a path. */
export function fail(path: string, problem: string): never {
  throw new BlockKitViolation(`${path}: ${problem}`);
}

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value as an object, or a violation. */
export function requireRecord(value: unknown, path: string): Record<string, unknown> {
  if (!isRecord(value)) fail(path, "must be an object");
  return value;
}

/** The value as an array, or a violation. */
export function requireArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, "must be an array");
  return value;
}

// Lengths are counted in UTF-16 code units, which is never less than Slack's own count,
// so anything that passes here also fits in Slack.
export function checkString(
  value: unknown,
  path: string,
  limits: { max: number; min?: number; required?: boolean },
): void {
  if (value === undefined || value === null) {
    if (limits.required) fail(path, "is required");
    return;
  }
  if (typeof value !== "string") fail(path, "must be a string");
  const min = limits.min ?? 0;
  if (value.length < min) fail(path, `must be at least ${min} character${min === 1 ? "" : "s"}`);
  if (value.length > limits.max) fail(path, `must be at most ${limits.max} characters`);
}

/** Checks an array's length against Slack's minimum and maximum. */
export function checkArrayLength(items: unknown[], path: string, min: number, max: number): void {
  if (items.length < min) fail(path, `must contain at least ${min} item${min === 1 ? "" : "s"}`);
  if (items.length > max) fail(path, `must contain at most ${max} items (got ${items.length})`);
}

/** Limits of one text object: its length, and whether it must be plain text or present. */
export interface TextRules {
  max: number;
  plainOnly?: boolean;
  required?: boolean;
}

/** Checks a text object (plain_text or mrkdwn) against its rules. */
export function checkText(value: unknown, path: string, rules: TextRules): void {
  if (value === undefined || value === null) {
    if (rules.required) fail(path, "is required");
    return;
  }
  const text = requireRecord(value, path);
  if (text.type !== "plain_text" && text.type !== "mrkdwn") {
    fail(`${path}.type`, "must be plain_text or mrkdwn");
  }
  if (rules.plainOnly && text.type !== "plain_text") fail(`${path}.type`, "must be plain_text");
  if (text.type === "plain_text" && text.emoji !== undefined && typeof text.emoji !== "boolean") {
    fail(`${path}.emoji`, "must be a boolean");
  }
  checkString(text.text, `${path}.text`, { min: 1, max: rules.max, required: true });
}

/** Checks a confirmation dialog object. */
export function checkConfirm(value: unknown, path: string): void {
  if (value === undefined) return;
  const confirm = requireRecord(value, path);
  checkText(confirm.title, `${path}.title`, { max: 100, plainOnly: true, required: true });
  checkText(confirm.text, `${path}.text`, { max: 300, required: true });
  checkText(confirm.confirm, `${path}.confirm`, { max: 30, plainOnly: true, required: true });
  checkText(confirm.deny, `${path}.deny`, { max: 30, plainOnly: true, required: true });
  if (confirm.style !== undefined && confirm.style !== "primary" && confirm.style !== "danger") {
    fail(`${path}.style`, "must be primary or danger");
  }
}

/** Identifiers that must be unique across one message or view. */
export interface IdRegistry {
  blockIds: Set<string>;
  actionIds: Set<string>;
}

/** Checks an action_id and that it is unique in its message or view. */
export function registerActionId(value: unknown, path: string, ids: IdRegistry): void {
  if (value === undefined) return;
  checkString(value, path, { min: 1, max: 255 });
  const actionId = value as string;
  if (ids.actionIds.has(actionId)) fail(path, `duplicate action_id "${actionId}"`);
  ids.actionIds.add(actionId);
}
