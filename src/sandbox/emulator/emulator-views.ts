import { randomBytes } from "node:crypto";
import { validateView } from "./block-kit-limits.ts";
import { errorAnswer, type MethodHandler, okAnswer } from "./emulator-chat.ts";
import { isRecord, stringArg, toSlackView, withGeneratedIds } from "./emulator-format.ts";
import { type EmulatorState, TRIGGER_TTL_MS, type TriggerRecord } from "./emulator-state.ts";
import type { ApiAnswer, OpenView } from "./emulator-types.ts";

const MAX_STACK_DEPTH = 3;

function invalidView(problem: string): ApiAnswer {
  return errorAnswer("invalid_arguments", { response_metadata: { messages: [`[ERROR] ${problem}`] } });
}

function newHash(state: EmulatorState): string {
  return `${Math.floor(state.now() / 1000)}.${randomBytes(4).toString("hex")}`;
}

/** Validates the view argument; answers the error Slack would give, or the checked view. */
function checkViewArg(
  state: EmulatorState,
  value: unknown,
  expectedType: "modal" | "home" | undefined,
  replacingViewId?: string,
): Record<string, unknown> | ApiAnswer {
  const problem = validateView(value);
  if (problem) return invalidView(problem);
  const view = value as Record<string, unknown>;
  if (expectedType && view.type !== expectedType) return invalidView(`type: must be ${expectedType}`);
  const externalId = stringArg(view.external_id);
  if (externalId) {
    const clash = [...state.views.values()].some(
      (open) => open.id !== replacingViewId && open.view.external_id === externalId,
    );
    if (clash) return errorAnswer("duplicate_external_id");
  }
  return view;
}

function isAnswer(value: unknown): value is ApiAnswer {
  return isRecord(value) && isRecord(value.body) && !("type" in value);
}

function withIds(view: Record<string, unknown>): Record<string, unknown> {
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  return { ...structuredClone(view), blocks: withGeneratedIds(blocks) };
}

function checkTrigger(state: EmulatorState, triggerId: string | undefined): TriggerRecord | ApiAnswer {
  const trigger = triggerId ? state.triggers.get(triggerId) : undefined;
  if (!trigger) return errorAnswer("invalid_trigger_id");
  if (trigger.used || state.now() - trigger.createdAt > TRIGGER_TTL_MS) {
    return errorAnswer("expired_trigger_id");
  }
  return trigger;
}

function createView(
  state: EmulatorState,
  view: Record<string, unknown>,
  placement: { userId?: string; rootViewId?: string; previousViewId?: string },
): OpenView {
  const id = state.nextId("V");
  const open: OpenView = {
    id,
    view: withIds(view),
    hash: newHash(state),
    rootViewId: placement.rootViewId ?? id,
  };
  if (placement.userId) open.userId = placement.userId;
  if (placement.previousViewId) open.previousViewId = placement.previousViewId;
  state.views.set(id, open);
  return open;
}

/** Closes a whole modal stack (response_action clear, a new views.open). */
export function closeStack(state: EmulatorState, rootViewId: string): void {
  for (const viewId of state.stacks.get(rootViewId) ?? []) state.views.delete(viewId);
  state.stacks.delete(rootViewId);
}

/** Removes a view and everything stacked above it; the stack disappears once empty. */
export function popView(state: EmulatorState, viewId: string): void {
  const open = state.views.get(viewId);
  const stack = open ? state.stacks.get(open.rootViewId) : undefined;
  if (!open || !stack) return;
  const index = stack.indexOf(viewId);
  for (const removed of stack.splice(index)) state.views.delete(removed);
  if (stack.length === 0) state.stacks.delete(open.rootViewId);
}

/** What the user pressing Close does: back to the previous view, or everything with clear_on_close. */
export function closeModal(state: EmulatorState, viewId: string): { cleared: boolean } | undefined {
  const open = state.views.get(viewId);
  const stack = open ? state.stacks.get(open.rootViewId) : undefined;
  if (!open || !stack) return undefined;
  if (open.view.clear_on_close === true) {
    const cleared = stack.length > 1;
    closeStack(state, open.rootViewId);
    return { cleared };
  }
  popView(state, viewId);
  return { cleared: false };
}

/** Puts a view on top of a stack; answers Slack's error when the stack is full. */
export function pushModal(
  state: EmulatorState,
  below: OpenView,
  view: Record<string, unknown>,
): OpenView | string {
  const stack = state.stacks.get(below.rootViewId);
  if (!stack) return "not_found";
  if (stack.length >= MAX_STACK_DEPTH) return "push_limit_reached";
  const pushed = createView(state, view, {
    userId: below.userId,
    rootViewId: below.rootViewId,
    previousViewId: stack[stack.length - 1],
  });
  stack.push(pushed.id);
  return pushed;
}

/** Replaces a view's content in place (views.update, response_action update). */
export function replaceView(state: EmulatorState, open: OpenView, view: Record<string, unknown>): void {
  const externalId = open.view.external_id;
  open.view = withIds(view);
  // The external id identifies the view itself, so an update that omits it keeps it.
  if (open.view.external_id === undefined && externalId !== undefined) open.view.external_id = externalId;
  open.hash = newHash(state);
}

/** Why Slack would refuse a modal the app answered with, or undefined. */
export function validateAppView(
  state: EmulatorState,
  view: unknown,
  replacingViewId?: string,
): string | undefined {
  const checked = checkViewArg(state, view, "modal", replacingViewId);
  if (!isAnswer(checked)) return undefined;
  const metadata = checked.body.response_metadata;
  return isRecord(metadata) && Array.isArray(metadata.messages)
    ? String(metadata.messages[0])
    : "invalid view";
}

const open: MethodHandler = (state, args) => {
  const trigger = checkTrigger(state, stringArg(args.trigger_id));
  if (isAnswer(trigger)) return trigger;
  const view = checkViewArg(state, args.view, "modal");
  if (isAnswer(view)) return view;
  trigger.used = true;
  // A user sees one modal stack at a time; opening a new one replaces the old.
  const existing = trigger.userId ? state.userStack(trigger.userId) : undefined;
  const existingRoot = existing?.[0];
  if (existingRoot) closeStack(state, existingRoot);
  const opened = createView(state, view, trigger.userId ? { userId: trigger.userId } : {});
  state.stacks.set(opened.id, [opened.id]);
  return okAnswer({ view: toSlackView(opened) });
};

const push: MethodHandler = (state, args) => {
  const trigger = checkTrigger(state, stringArg(args.trigger_id));
  if (isAnswer(trigger)) return trigger;
  const view = checkViewArg(state, args.view, "modal");
  if (isAnswer(view)) return view;
  const stack = trigger.userId ? state.userStack(trigger.userId) : [...state.stacks.values()].at(-1);
  const topId = stack?.at(-1);
  const top = topId ? state.views.get(topId) : undefined;
  if (!top) return errorAnswer("not_found");
  trigger.used = true;
  const pushed = pushModal(state, top, view);
  if (typeof pushed === "string") return errorAnswer(pushed);
  return okAnswer({ view: toSlackView(pushed) });
};

const update: MethodHandler = (state, args) => {
  const viewId = stringArg(args.view_id);
  const externalId = stringArg(args.external_id);
  if (!viewId && !externalId) return errorAnswer("invalid_arguments");
  const target = viewId
    ? state.views.get(viewId)
    : [...state.views.values()].find((candidate) => candidate.view.external_id === externalId);
  if (!target) return errorAnswer("not_found");
  const hash = stringArg(args.hash);
  if (hash !== undefined && hash !== target.hash) return errorAnswer("hash_conflict");
  const currentType = target.view.type === "home" ? "home" : "modal";
  const view = checkViewArg(state, args.view, currentType, target.id);
  if (isAnswer(view)) return view;
  replaceView(state, target, view);
  return okAnswer({ view: toSlackView(target) });
};

const publish: MethodHandler = (state, args) => {
  const userId = stringArg(args.user_id);
  if (!userId) return errorAnswer("invalid_arguments");
  const existingId = state.homeViewIds.get(userId);
  const view = checkViewArg(state, args.view, "home", existingId);
  if (isAnswer(view)) return view;
  const existing = existingId ? state.views.get(existingId) : undefined;
  const hash = stringArg(args.hash);
  if (existing && hash !== undefined && hash !== existing.hash) return errorAnswer("hash_conflict");
  if (existing) {
    replaceView(state, existing, view);
    return okAnswer({ view: toSlackView(existing) });
  }
  const created = createView(state, view, { userId });
  state.homeViewIds.set(userId, created.id);
  return okAnswer({ view: toSlackView(created) });
};

/** The views.* Web API methods. */
export const viewMethods: Record<string, MethodHandler> = {
  "views.open": open,
  "views.push": push,
  "views.update": update,
  "views.publish": publish,
};
