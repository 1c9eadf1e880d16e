import { validateBlocks } from "./block-kit-limits.ts";
import { isTruthyArg, stringArg, withGeneratedIds } from "./emulator-format.ts";
import {
  type EmulatorState,
  RESPONSE_URL_MAX_USES,
  RESPONSE_URL_TTL_MS,
  type ResponseUrlRecord,
} from "./emulator-state.ts";
import type { StoredMessage } from "./emulator-types.ts";

const MAX_TEXT_LENGTH = 40_000;

function originalMessage(state: EmulatorState, record: ResponseUrlRecord): StoredMessage | undefined {
  const { channel, messageTs } = record.context;
  const ts = messageTs ?? record.lastPostedTs;
  if (!channel || !ts) return undefined;
  const resolved = state.resolveChannel(channel);
  return state.messages.find((message) => message.channel === resolved && message.ts === ts);
}

/**
 * Applies a response_url body (or a synchronous slash command reply) to the workspace
 * the way Slack renders it; answers Slack's error code when it would refuse the body.
 */
export function deliverResponse(
  state: EmulatorState,
  record: ResponseUrlRecord,
  body: Record<string, unknown>,
): string | undefined {
  if (isTruthyArg(body.delete_original)) {
    const target = originalMessage(state, record);
    if (target) state.removeMessage(target);
    return undefined;
  }
  const text = stringArg(body.text);
  if (text !== undefined && text.length > MAX_TEXT_LENGTH) return "msg_too_long";
  let blocks: unknown[] | undefined;
  if (body.blocks !== undefined) {
    if (validateBlocks(body.blocks, "message")) return "invalid_blocks";
    blocks = withGeneratedIds(body.blocks as unknown[]);
  }
  const hasAttachments = Array.isArray(body.attachments) && body.attachments.length > 0;
  if (!text && !blocks?.length && !hasAttachments) return "no_text";

  const target = isTruthyArg(body.replace_original) ? originalMessage(state, record) : undefined;
  if (target) {
    // Replacing swaps the whole message, so blocks that are not resent disappear.
    target.text = text;
    target.blocks = blocks;
    target.replaced = true;
    target.source = "response_url";
    return undefined;
  }
  const channel = record.context.channel;
  if (!channel) return undefined;
  const message: StoredMessage = {
    channel: state.resolveChannel(channel),
    ts: state.nextTs(),
    user: state.botUserId,
    source: "response_url",
  };
  if (text !== undefined) message.text = text;
  if (blocks) message.blocks = blocks;
  if (body.response_type !== "in_channel") {
    message.ephemeral = true;
    if (record.context.userId) message.visibleTo = record.context.userId;
  }
  const threadTs = stringArg(body.thread_ts);
  if (threadTs) message.threadTs = threadTs;
  state.messages.push(message);
  record.lastPostedTs = message.ts;
  return undefined;
}

/** What the response_url endpoint answers, status and body. */
export interface PlainAnswer {
  status: number;
  text: string;
  json?: Record<string, unknown>;
}

/** POST /response/<id>: Slack answers errors with a 4xx status and a bare text body. */
export function handleResponseUrlPost(state: EmulatorState, id: string, rawBody: string): PlainAnswer {
  const record = state.responseUrls.get(id);
  if (!record) return { status: 404, text: "invalid_url" };
  if (state.now() - record.createdAt > RESPONSE_URL_TTL_MS) return { status: 404, text: "expired_url" };
  if (record.uses >= RESPONSE_URL_MAX_USES) return { status: 404, text: "used_url" };
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { status: 400, text: "invalid_payload" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { status: 400, text: "invalid_payload" };
  }
  const payload = body as Record<string, unknown>;
  const problem = deliverResponse(state, record, payload);
  if (problem) return { status: 400, text: problem };
  record.uses += 1;
  state.responseUrlPosts.push({ id, body: structuredClone(payload) });
  return { status: 200, text: JSON.stringify({ ok: true }), json: { ok: true } };
}
