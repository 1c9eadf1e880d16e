import type { Middleware, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { isJxcError } from "../domain/errors.ts";
import { describeError, type Locale, messages } from "../i18n/index.ts";
import type { Logger } from "../log.ts";
import { type EphemeralReply, toEphemeral } from "./blocks.ts";
import { botMembership, type ChannelMembership } from "./channel-membership.ts";
import { localeOf } from "./middleware/attach-locale.ts";

/** What a slash-command handler sees: the parsed request, never Bolt's raw arguments. */
export interface SlashRequest {
  text: string;
  userId: string;
  channelId: string;
  triggerId: string;
  locale: Locale;
  requestId: string;
  /** Opens a modal on this command's trigger (single use, valid for 3 s). */
  openModal(view: ModalView): Promise<void>;
  /** Whether jxc can post in a channel (asks Slack, briefly; "unknown" when Slack does not say). */
  botMembership(channelId: string): Promise<ChannelMembership>;
}

/**
 * For slow answers: `working` goes back in the ack at once, then `later()` runs and its reply
 * replaces it through the command's response_url (Slack allows 3 s for the ack, not for the work).
 */
export interface DeferredReply {
  working: EphemeralReply;
  later: () => Promise<EphemeralReply> | EphemeralReply;
}

/** A reply for the user, a deferred one, or nothing when the command answered by opening a modal. */
export type SlashHandler = (
  request: SlashRequest,
) => Promise<EphemeralReply | DeferredReply | undefined> | EphemeralReply | DeferredReply | undefined;

/**
 * Adapts a handler to Bolt: the reply goes back in the ack (the fastest path),
 * and any error becomes a friendly ephemeral line in the user's language.
 */
export function slashCommand(logger: Logger, handler: SlashHandler): Middleware<SlackCommandMiddlewareArgs> {
  return async ({ command, ack, context, client, respond }) => {
    const request: SlashRequest = {
      text: command.text.trim(),
      userId: command.user_id,
      channelId: command.channel_id,
      triggerId: command.trigger_id,
      locale: localeOf(context),
      requestId: typeof context.requestId === "string" ? context.requestId : "",
      openModal: async (view) => {
        await client.views.open({ trigger_id: command.trigger_id, view });
      },
      botMembership: (channelId) => botMembership(client, channelId, logger),
    };
    let reply: EphemeralReply | DeferredReply | undefined;
    try {
      reply = await handler(request);
    } catch (error) {
      reply = { text: errorText(error, request, logger, command.command) };
    }
    if (!reply || !("later" in reply)) {
      await ack(reply ? toEphemeral(reply) : undefined);
      return;
    }
    await ack(toEphemeral(reply.working));
    // Let the ack's bytes leave before the slow work: its continuation would otherwise run first.
    await new Promise((resolve) => setImmediate(resolve));
    let answer: EphemeralReply;
    try {
      answer = await reply.later();
    } catch (error) {
      answer = { text: errorText(error, request, logger, command.command) };
    }
    // The answer takes the place of the "working…" line.
    await respond({ ...toEphemeral(answer), replace_original: true });
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
