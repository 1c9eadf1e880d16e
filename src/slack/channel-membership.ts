import { ErrorCode, type WebClient } from "@slack/web-api";
import type { Logger } from "../log.ts";

/** Whether the bot can post in a channel: in it, not in it (or cannot see it), or Slack did not say. */
export type ChannelMembership = "member" | "not_member" | "unknown";

// A slash command must be acked within 3 s; the check must leave room for the rest of the reply.
const checkTimeoutMs = 1500;

/**
 * Asks Slack (conversations.info) whether the bot is in a channel. A private channel the bot
 * is not in answers channel_not_found, which means the same thing: it must be invited.
 */
export async function botMembership(
  client: WebClient,
  channelId: string,
  logger: Logger,
): Promise<ChannelMembership> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), checkTimeoutMs);
  });
  try {
    const info = await Promise.race([client.conversations.info({ channel: channelId }), timeout]);
    if (info === "timeout") {
      logger.warn({ channel: channelId }, "conversations.info did not answer in time");
      return "unknown";
    }
    if (info.channel?.is_member === true) return "member";
    return info.channel?.is_member === false ? "not_member" : "unknown";
  } catch (error) {
    if (isPlatformError(error, "channel_not_found")) return "not_member";
    logger.warn({ err: error, channel: channelId }, "could not check the bot's channel membership");
    return "unknown";
  } finally {
    clearTimeout(timer);
  }
}

function isPlatformError(error: unknown, code: string): boolean {
  if (typeof error !== "object" || error === null || !("code" in error) || !("data" in error)) return false;
  const { data } = error as { data: unknown };
  return (
    error.code === ErrorCode.PlatformError &&
    typeof data === "object" &&
    data !== null &&
    "error" in data &&
    data.error === code
  );
}
