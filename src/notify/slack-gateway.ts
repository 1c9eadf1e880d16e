import { WebClient } from "@slack/web-api";
import type { Logger } from "../log.ts";
import { toBoltLogger } from "../slack/bolt-logger.ts";
import type { RenderedMessage } from "./contract.ts";
import { classifySlackError, type SlackFailure } from "./slack-failures.ts";

/** The Web API methods the worker calls; rate limits are tracked per method (and per channel for posts). */
export type SlackMethod =
  | "chat.postMessage"
  | "chat.update"
  | "views.publish"
  | "conversations.open"
  | "conversations.history"
  | "conversations.replies";

export type SlackResult<T> =
  | { ok: true; value: T }
  | { ok: false; method: SlackMethod; failure: SlackFailure };

/** The message metadata that lets recovery find a delivery's message in Slack after a crash. */
export const deliveryEventType = "jxc_delivery";

/** The few Slack calls delivery needs, each answering a classified failure instead of throwing. */
export interface SlackGateway {
  postMessage(
    deliveryId: number,
    message: RenderedMessage & { channel: string; threadTs?: string },
  ): Promise<SlackResult<{ channel: string; ts: string }>>;
  updateMessage(
    deliveryId: number,
    message: RenderedMessage & { channel: string; ts: string },
  ): Promise<SlackResult<undefined>>;
  publishHome(userId: string, message: RenderedMessage): Promise<SlackResult<undefined>>;
  openDm(userId: string): Promise<SlackResult<string>>;
  /** The ts of the message tagged with this delivery id, posted since `oldest` in a channel or one thread. */
  findTagged(
    deliveryId: number,
    where: { channel: string; threadTs?: string; oldest: string },
  ): Promise<SlackResult<string | undefined>>;
}

// Recovery reads at most this much history; a message older than the delivery row cannot be it.
const historyPageSize = 200;
const historyMaxPages = 10;

/**
 * A WebClient of the worker's own: no retries inside the client and 429s handed back, so the
 * worker decides when to try again (Retry-After, pacing, backoff) and records every attempt.
 */
export function createSlackGateway(options: {
  botToken: string;
  slackApiUrl: string | undefined;
  logger: Logger;
  timeoutMs: number;
}): SlackGateway {
  const client = new WebClient(options.botToken, {
    ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs,
    logger: toBoltLogger(options.logger),
  });
  const call = async <T>(method: SlackMethod, run: () => Promise<T>): Promise<SlackResult<T>> => {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      return { ok: false, method, failure: classifySlackError(error) };
    }
  };
  const tag = (deliveryId: number) => ({
    event_type: deliveryEventType,
    event_payload: { delivery_id: deliveryId },
  });
  const blocksOf = (message: RenderedMessage) =>
    message.blocks.length > 0 ? { blocks: message.blocks } : {};

  return {
    postMessage: (deliveryId, message) =>
      call("chat.postMessage", async () => {
        const result = await client.chat.postMessage({
          channel: message.channel,
          text: message.text,
          ...blocksOf(message),
          ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
          metadata: tag(deliveryId),
        });
        return { channel: result.channel ?? message.channel, ts: result.ts ?? "" };
      }),
    updateMessage: (deliveryId, message) =>
      call("chat.update", async () => {
        await client.chat.update({
          channel: message.channel,
          ts: message.ts,
          text: message.text,
          ...blocksOf(message),
          metadata: tag(deliveryId),
        });
        return undefined;
      }),
    publishHome: (userId, message) =>
      call("views.publish", async () => {
        await client.views.publish({ user_id: userId, view: { type: "home", blocks: message.blocks } });
        return undefined;
      }),
    openDm: (userId) =>
      call("conversations.open", async () => {
        const result = await client.conversations.open({ users: userId });
        return result.channel?.id ?? "";
      }),
    findTagged: (deliveryId, where) =>
      call(where.threadTs ? "conversations.replies" : "conversations.history", async () => {
        let cursor: string | undefined;
        for (let page = 0; page < historyMaxPages; page += 1) {
          const query = {
            channel: where.channel,
            oldest: where.oldest,
            include_all_metadata: true,
            limit: historyPageSize,
            ...(cursor ? { cursor } : {}),
          };
          const result = where.threadTs
            ? await client.conversations.replies({ ...query, ts: where.threadTs })
            : await client.conversations.history(query);
          const found = (result.messages ?? []).find((message) => isTagged(message.metadata, deliveryId));
          if (found?.ts) return found.ts;
          cursor = result.response_metadata?.next_cursor || undefined;
          if (!result.has_more || !cursor) return undefined;
        }
        return undefined;
      }),
  };
}

function isTagged(
  metadata: { event_type?: string; event_payload?: object } | undefined,
  deliveryId: number,
): boolean {
  if (metadata?.event_type !== deliveryEventType || !metadata.event_payload) return false;
  return "delivery_id" in metadata.event_payload && Number(metadata.event_payload.delivery_id) === deliveryId;
}
