import type {
  BlockAction,
  ButtonAction,
  Middleware,
  RespondFn,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import type { Locale } from "../i18n/index.ts";
import type { Logger } from "../log.ts";
import { toEphemeral } from "./blocks.ts";
import { localeOf } from "./middleware/attach-locale.ts";
import { errorText } from "./slash-command.ts";

/** What a button handler sees: who clicked, what the button carried, and how to answer. */
export interface ButtonClick {
  userId: string;
  value: string;
  locale: Locale;
  requestId: string;
  channelId: string | undefined;
  respond: RespondFn;
}

export type ButtonHandler = (click: ButtonClick) => Promise<void>;

/**
 * Adapts a button handler to Bolt: ack first (Slack's 3 s), then the work; any
 * error becomes an ephemeral line in the clicker's language, never silence.
 */
export function buttonAction(
  logger: Logger,
  handler: ButtonHandler,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, context, respond }) => {
    await ack();
    const click: ButtonClick = {
      userId: body.user.id,
      value: action.value ?? "",
      locale: localeOf(context),
      requestId: typeof context.requestId === "string" ? context.requestId : "",
      channelId: body.channel?.id,
      respond,
    };
    try {
      await handler(click);
    } catch (error) {
      const text = errorText(error, click, logger, action.action_id);
      await respond({ ...toEphemeral({ text }), replace_original: false });
    }
  };
}
