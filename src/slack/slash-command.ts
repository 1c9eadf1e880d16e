import type { Middleware, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { isJxcError } from "../domain/errors.ts";
import { describeError, type Locale, messages } from "../i18n/index.ts";
import type { Logger } from "../log.ts";
import { type EphemeralReply, toEphemeral } from "./blocks.ts";
import { localeOf } from "./middleware/attach-locale.ts";

/** What a slash-command handler sees: the parsed request, never Bolt's raw arguments. */
export interface SlashRequest {
  text: string;
  userId: string;
  channelId: string;
  triggerId: string;
  locale: Locale;
  requestId: string;
}

export type SlashHandler = (request: SlashRequest) => Promise<EphemeralReply> | EphemeralReply;

/**
 * Adapts a handler to Bolt: the reply goes back in the ack (the fastest path),
 * and any error becomes a friendly ephemeral line in the user's language.
 */
export function slashCommand(logger: Logger, handler: SlashHandler): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, context }) => {
    const request: SlashRequest = {
      text: command.text.trim(),
      userId: command.user_id,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      locale: localeOf(context),
      requestId: typeof context.requestId === "string" ? context.requestId : "",
    };
    let reply: EphemeralReply;
    try {
      reply = await handler(request);
    } catch (error) {
      reply = { text: errorText(error, request, logger, command.command) };
    }
    await ack(toEphemeral(reply));
  };
}

/** The one mapping from any error to what the user reads; unknown errors are logged with context. */
export function errorText(
  error: unknown,
  request: Pick<SlashRequest, "locale" | "userId" | "requestId">,
  logger: Logger,
  what: string,
): string {
  if (isJxcError(error)) return describeError(request.locale, error);
  logger.error(
    { err: error, requestId: request.requestId, user: request.userId, command: what },
    "handler failed",
  );
  return messages(request.locale).generic.unexpected({ ref: request.requestId.slice(0, 8) || "n/a" });
}
