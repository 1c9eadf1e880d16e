import { isUserId } from "../slack/mentions.ts";
import type { DeliveryRow } from "./delivery-store.ts";
import type { SlackGateway, SlackResult } from "./slack-gateway.ts";

// Slack's clock and ours may disagree a little; look back this much before the row was written.
const clockSkewSeconds = 60;

/**
 * Whether a post whose outcome is unknown (the process died during the call, or the call
 * timed out or failed in a way that may have taken effect) is already in Slack. Slack's
 * chat.postMessage has no idempotency key, so this is what makes "exactly once" hold: the
 * message carries its delivery id in its metadata, and we read the channel (or the thread,
 * whose replies channel history leaves out) back to the row's creation time.
 */
export async function findPosted(
  gateway: SlackGateway,
  row: DeliveryRow,
  where: { channel: string; threadTs?: string },
): Promise<SlackResult<{ channel: string; ts: string } | undefined>> {
  let channel = where.channel;
  if (isUserId(channel)) {
    // A DM is posted to the user id; its history lives under the D… conversation id.
    const dm = await gateway.openDm(channel);
    if (!dm.ok) return dm;
    channel = dm.value;
  }
  const oldest = Math.max(0, Math.floor(row.createdAt / 1000) - clockSkewSeconds).toFixed(6);
  const found = await gateway.findTagged(row.id, {
    channel,
    oldest,
    ...(where.threadTs ? { threadTs: where.threadTs } : {}),
  });
  if (!found.ok) return found;
  return { ok: true, value: found.value ? { channel, ts: found.value } : undefined };
}
