import type { Middleware, SlackViewAction, SlackViewMiddlewareArgs } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { isJxcError } from "../domain/errors.ts";
import type { Locale } from "../i18n/index.ts";
import type { Logger } from "../log.ts";
import { localeOf } from "./middleware/attach-locale.ts";
import { errorText } from "./slash-command.ts";

/** The submitted modal, as a handler reads it. */
export interface ViewSubmit {
  userId: string;
  locale: Locale;
  requestId: string;
  viewId: string;
  privateMetadata: string;
  /** The value of a plain text or number input, or the selected option's value. */
  value(blockId: string, actionId: string): string;
  /** The values of the options ticked in checkboxes or picked in a multi-select. */
  selected(blockId: string, actionId: string): string[];
}

/**
 * Close the modal (with slow follow-up work after Slack has its answer), show another view,
 * or show several field errors at once (block id → message in the user's language).
 */
export type ViewOutcome =
  | { close: true; after?: () => Promise<void> }
  | { update: ModalView }
  | { errors: Record<string, string> };

/**
 * Adapts a modal submission to Bolt. A JxcError appears beside the field it names (or
 * beside `fallbackBlock`), in the user's language; nothing else is lost from the form.
 */
export function viewSubmission(
  logger: Logger,
  options: { fieldBlocks: Record<string, string>; fallbackBlock: string },
  handler: (submit: ViewSubmit) => ViewOutcome | Promise<ViewOutcome>,
): Middleware<SlackViewMiddlewareArgs<SlackViewAction>> {
  return async ({ ack, body, view, context }) => {
    if (body.type !== "view_submission") return ack();
    const submit: ViewSubmit = {
      userId: body.user.id,
      locale: localeOf(context),
      requestId: typeof context.requestId === "string" ? context.requestId : "",
      viewId: view.id,
      privateMetadata: view.private_metadata,
      value: (blockId, actionId) => {
        const state = view.state.values[blockId]?.[actionId];
        return state?.value ?? state?.selected_option?.value ?? "";
      },
      selected: (blockId, actionId) =>
        (view.state.values[blockId]?.[actionId]?.selected_options ?? []).map((option) => option.value),
    };
    let outcome: ViewOutcome;
    try {
      outcome = await handler(submit);
    } catch (error) {
      const field = isJxcError(error) && error.field ? options.fieldBlocks[error.field] : undefined;
      const text = errorText(error, submit, logger, view.callback_id);
      await ack({ response_action: "errors", errors: { [field ?? options.fallbackBlock]: text } });
      return;
    }
    if ("errors" in outcome) {
      await ack({ response_action: "errors", errors: outcome.errors });
      return;
    }
    if ("update" in outcome) {
      await ack({ response_action: "update", view: outcome.update });
      return;
    }
    await ack();
    await outcome.after?.();
  };
}
