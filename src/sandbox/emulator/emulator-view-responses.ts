import { isRecord } from "./emulator-format.ts";
import type { EmulatorState } from "./emulator-state.ts";
import { closeStack, popView, pushModal, replaceView, validateAppView } from "./emulator-views.ts";

function inputBlockIds(view: Record<string, unknown>): Set<string> {
  const ids = new Set<string>();
  for (const block of Array.isArray(view.blocks) ? view.blocks : []) {
    if (isRecord(block) && block.type === "input" && typeof block.block_id === "string") {
      ids.add(block.block_id);
    }
  }
  return ids;
}

/**
 * Does what Slack does with the app's answer to a view_submission. Answers a description
 * of the problem when Slack would refuse the answer (the user would see an error).
 */
export function applyViewSubmissionAnswer(
  state: EmulatorState,
  viewId: string,
  status: number,
  answer: unknown,
): string | undefined {
  const open = state.views.get(viewId);
  if (!open) return `view ${viewId} is not open`;
  // Anything but a 200 leaves the modal open with an error banner.
  if (status !== 200) return undefined;
  if (!isRecord(answer) || answer.response_action === undefined) {
    popView(state, viewId);
    return undefined;
  }
  switch (answer.response_action) {
    case "clear":
      closeStack(state, open.rootViewId);
      return undefined;
    case "update": {
      const problem = validateAppView(state, answer.view, open.id);
      if (problem) return `response_action update: ${problem}`;
      replaceView(state, open, answer.view as Record<string, unknown>);
      return undefined;
    }
    case "push": {
      const problem = validateAppView(state, answer.view);
      if (problem) return `response_action push: ${problem}`;
      const pushed = pushModal(state, open, answer.view as Record<string, unknown>);
      return typeof pushed === "string" ? `response_action push: ${pushed}` : undefined;
    }
    case "errors": {
      if (!isRecord(answer.errors)) return "response_action errors: errors must be an object";
      const known = inputBlockIds(open.view);
      const unknown = Object.keys(answer.errors).filter((blockId) => !known.has(blockId));
      if (unknown.length > 0) {
        return `response_action errors: ${unknown.join(", ")} ${unknown.length === 1 ? "is not an input block_id" : "are not input block_ids"} (inputs: ${[...known].join(", ")})`;
      }
      return undefined;
    }
    default:
      return `unknown response_action ${JSON.stringify(answer.response_action)}`;
  }
}
