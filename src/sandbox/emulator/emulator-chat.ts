import { validateBlocks } from "./block-kit-limits.ts";
import { isRecord, stringArg, toSlackMessage, withGeneratedIds } from "./emulator-format.ts";
import type { EmulatorState } from "./emulator-state.ts";
import { type ApiAnswer, EMULATED_TEAM_DOMAIN, type StoredMessage } from "./emulator-types.ts";

/** One Web API method: reads the workspace state and the arguments, answers like Slack. */
export type MethodHandler = (state: EmulatorState, args: Record<string, unknown>) => ApiAnswer;

const MAX_TEXT_LENGTH = 40_000;

/** A successful Web API answer. */
export function okAnswer(body: Record<string, unknown> = {}): ApiAnswer {
  return { body: { ok: true, ...body } };
}

/** A Web API error answer (HTTP 200 with ok: false, as Slack does). */
export function errorAnswer(error: string, extra: Record<string, unknown> = {}): ApiAnswer {
  return { body: { ok: false, error, ...extra } };
}

/**
 * Slack's answer when the bot writes to or reads a channel it is not in (a bot token without
 * chat:write.public); a private channel it is not in stays invisible to it, as in Slack.
 */
export function notMemberAnswer(state: EmulatorState, channel: string): ApiAnswer | undefined {
  if (state.botIsMember(channel)) return undefined;
  return errorAnswer(channel.startsWith("G") ? "channel_not_found" : "not_in_channel");
}

/** Slack's answer when a method is called too often. */
export const RATE_LIMITED: ApiAnswer = {
  status: 429,
  headers: { "Retry-After": "1" },
  body: { ok: false, error: "ratelimited" },
};

interface MessageContent {
  text?: string;
  blocks?: unknown[];
  metadata?: unknown;
}

/** Checks message arguments the way Slack does; `mode` "new" requires some content. */
export function parseMessageContent(
  args: Record<string, unknown>,
  mode: "new" | "update",
): MessageContent | ApiAnswer {
  const text = stringArg(args.text);
  const content: MessageContent = {};
  if (text !== undefined) {
    if (text.length > MAX_TEXT_LENGTH) return errorAnswer("msg_too_long");
    content.text = text;
  }
  if (args.blocks !== undefined) {
    const problem = validateBlocks(args.blocks, "message");
    if (problem) return errorAnswer("invalid_blocks", { errors: [problem] });
    content.blocks = withGeneratedIds(args.blocks as unknown[]);
  }
  const hasBlocks = content.blocks !== undefined && content.blocks.length > 0;
  // Stricter than Slack (which only warns): screen readers and notifications need fallback text.
  if (hasBlocks && !text) {
    return errorAnswer("invalid_arguments", { errors: ["text: fallback text is required with blocks"] });
  }
  if (args.metadata !== undefined) {
    const metadata = args.metadata;
    if (!isRecord(metadata) || typeof metadata.event_type !== "string" || !isRecord(metadata.event_payload)) {
      return errorAnswer("invalid_metadata_format");
    }
    content.metadata = structuredClone(metadata);
  }
  const hasAttachments = Array.isArray(args.attachments) && args.attachments.length > 0;
  const empty = !text && !hasBlocks && !hasAttachments;
  if (mode === "new" && empty) return errorAnswer("no_text");
  if (mode === "update" && empty && content.blocks === undefined && content.metadata === undefined) {
    return errorAnswer("no_text");
  }
  return content;
}

function isAnswer(value: MessageContent | ApiAnswer): value is ApiAnswer {
  return "body" in value;
}

function threadRoot(state: EmulatorState, channel: string, threadTs: string | undefined): string | undefined {
  if (!threadTs) return undefined;
  // Replying to a reply lands in the same thread, as in Slack.
  const parent = state.findMessage(channel, threadTs, { ephemeral: false });
  return parent?.threadTs ?? threadTs;
}

const postMessage: MethodHandler = (state, args) => {
  const channelArg = stringArg(args.channel);
  if (!channelArg) return errorAnswer("channel_not_found");
  const channel = state.resolveChannel(channelArg);
  const outside = notMemberAnswer(state, channel);
  if (outside) return outside;
  if (!state.admitChannelPost(channel)) return RATE_LIMITED;
  const content = parseMessageContent(args, "new");
  if (isAnswer(content)) return content;
  const stored: StoredMessage = {
    channel,
    ts: state.nextTs(),
    user: state.botUserId,
    ...content,
    source: "api",
  };
  const threadTs = threadRoot(state, channel, stringArg(args.thread_ts));
  if (threadTs) stored.threadTs = threadTs;
  state.messages.push(stored);
  return okAnswer({
    channel,
    ts: stored.ts,
    message: toSlackMessage(stored, state.botUserId, { includeMetadata: true }),
  });
};

const postEphemeral: MethodHandler = (state, args) => {
  const channelArg = stringArg(args.channel);
  if (!channelArg) return errorAnswer("channel_not_found");
  const user = stringArg(args.user);
  if (!user) return errorAnswer("user_not_found");
  const outside = notMemberAnswer(state, state.resolveChannel(channelArg));
  if (outside) return outside;
  const content = parseMessageContent(args, "new");
  if (isAnswer(content)) return content;
  const stored: StoredMessage = {
    channel: state.resolveChannel(channelArg),
    ts: state.nextTs(),
    user: state.botUserId,
    ...content,
    ephemeral: true,
    visibleTo: user,
    source: "api",
  };
  const threadTs = stringArg(args.thread_ts);
  if (threadTs) stored.threadTs = threadTs;
  state.messages.push(stored);
  return okAnswer({ message_ts: stored.ts });
};

const update: MethodHandler = (state, args) => {
  const channel = stringArg(args.channel);
  if (!channel) return errorAnswer("channel_not_found");
  const ts = stringArg(args.ts);
  const target = ts ? state.findMessage(channel, ts, { ephemeral: false }) : undefined;
  if (!target) return errorAnswer("message_not_found");
  const content = parseMessageContent(args, "update");
  if (isAnswer(content)) return content;
  if (content.text !== undefined) target.text = content.text;
  // Slack keeps the previous blocks unless new ones (possibly []) are sent.
  if (content.blocks !== undefined) target.blocks = content.blocks;
  if (content.metadata !== undefined) target.metadata = content.metadata;
  target.replaced = true;
  return okAnswer({
    channel: target.channel,
    ts: target.ts,
    text: target.text ?? "",
    message: toSlackMessage(target, state.botUserId, { includeMetadata: true }),
  });
};

const deleteMessage: MethodHandler = (state, args) => {
  const channel = stringArg(args.channel);
  if (!channel) return errorAnswer("channel_not_found");
  const ts = stringArg(args.ts);
  const target = ts ? state.findMessage(channel, ts, { ephemeral: false }) : undefined;
  if (!target) return errorAnswer("message_not_found");
  state.removeMessage(target);
  return okAnswer({ channel: target.channel, ts: target.ts });
};

const getPermalink: MethodHandler = (state, args) => {
  const channel = stringArg(args.channel);
  if (!channel) return errorAnswer("channel_not_found");
  const ts = stringArg(args.message_ts);
  const target = ts ? state.findMessage(channel, ts, { ephemeral: false }) : undefined;
  if (!target) return errorAnswer("message_not_found");
  const base = `https://${EMULATED_TEAM_DOMAIN}.slack.com/archives/${target.channel}/p${target.ts.replace(".", "")}`;
  const thread = target.threadTs ? `?thread_ts=${target.threadTs}&cid=${target.channel}` : "";
  return okAnswer({ channel: target.channel, permalink: base + thread });
};

/** The chat.* Web API methods. */
export const chatMethods: Record<string, MethodHandler> = {
  "chat.postMessage": postMessage,
  "chat.postEphemeral": postEphemeral,
  "chat.update": update,
  "chat.delete": deleteMessage,
  "chat.getPermalink": getPermalink,
};
