import { errorAnswer, type MethodHandler, notMemberAnswer, okAnswer } from "./emulator-chat.ts";
import { isTruthyArg, stringArg, toSlackMessage } from "./emulator-format.ts";
import type { EmulatorState } from "./emulator-state.ts";
import type { StoredMessage } from "./emulator-types.ts";

function tsToMicros(ts: string): number {
  const [seconds = "0", fraction = ""] = ts.split(".");
  return Number(seconds) * 1_000_000 + Number(fraction.padEnd(6, "0").slice(0, 6));
}

function channelInfo(state: EmulatorState, id: string): Record<string, unknown> | undefined {
  if (id.startsWith("D")) {
    return { id, is_im: true, is_channel: false, is_private: true, user: id.slice(1), is_member: true };
  }
  if (!/^[CG][A-Z0-9]+$/.test(id)) return undefined;
  const isMember = state.botIsMember(id);
  // A private channel the bot is not in does not exist as far as the bot can tell.
  if (id.startsWith("G") && !isMember) return undefined;
  return {
    id,
    name: state.channelNames.get(id) ?? id.toLowerCase(),
    is_channel: id.startsWith("C"),
    is_group: id.startsWith("G"),
    is_im: false,
    is_private: id.startsWith("G"),
    is_archived: false,
    is_member: isMember,
  };
}

function requireChannel(state: EmulatorState, args: Record<string, unknown>): string | undefined {
  const channel = stringArg(args.channel);
  if (!channel) return undefined;
  const resolved = state.resolveChannel(channel);
  return channelInfo(state, resolved) ? resolved : undefined;
}

function visibleMessages(state: EmulatorState, channel: string): StoredMessage[] {
  return state.messages.filter((message) => message.channel === channel && !message.ephemeral);
}

interface Page {
  messages: StoredMessage[];
  hasMore: boolean;
  nextCursor: string;
}

/** Applies oldest/latest/inclusive/limit/cursor to messages already in the wanted order. */
function paginate(ordered: StoredMessage[], args: Record<string, unknown>): Page {
  const oldest = stringArg(args.oldest);
  const latest = stringArg(args.latest);
  const inclusive = isTruthyArg(args.inclusive);
  const inRange = ordered.filter((message) => {
    const at = tsToMicros(message.ts);
    if (oldest !== undefined && (inclusive ? at < tsToMicros(oldest) : at <= tsToMicros(oldest))) {
      return false;
    }
    if (latest !== undefined && (inclusive ? at > tsToMicros(latest) : at >= tsToMicros(latest))) {
      return false;
    }
    return true;
  });
  const cursor = stringArg(args.cursor);
  const start = cursor ? Number(Buffer.from(cursor, "base64url").toString("utf8").replace("offset:", "")) : 0;
  const limitArg = Number(stringArg(args.limit) ?? 100);
  const limit = Number.isFinite(limitArg) && limitArg > 0 ? Math.min(limitArg, 1000) : 100;
  const page = inRange.slice(start, start + limit);
  const hasMore = start + limit < inRange.length;
  const nextCursor = hasMore ? Buffer.from(`offset:${start + limit}`, "utf8").toString("base64url") : "";
  return { messages: page, hasMore, nextCursor };
}

const info: MethodHandler = (state, args) => {
  const channel = requireChannel(state, args);
  const details = channel ? channelInfo(state, channel) : undefined;
  if (!details) return errorAnswer("channel_not_found");
  return okAnswer({ channel: details });
};

const join: MethodHandler = (state, args) => {
  const channel = requireChannel(state, args);
  const details = channel ? channelInfo(state, channel) : undefined;
  if (!channel || !details) return errorAnswer("channel_not_found");
  if (details.is_im) return errorAnswer("method_not_supported_for_channel_type");
  state.botAbsentFrom.delete(channel);
  return okAnswer({ channel: { ...details, is_member: true } });
};

const members: MethodHandler = (state, args) => {
  const channel = requireChannel(state, args);
  if (!channel) return errorAnswer("channel_not_found");
  const ids = channel.startsWith("D")
    ? [channel.slice(1), state.botUserId]
    : [...state.users.keys()].filter((id) => id !== state.botUserId || state.botIsMember(channel));
  return okAnswer({ members: ids, response_metadata: { next_cursor: "" } });
};

const open: MethodHandler = (_state, args) => {
  const channel = stringArg(args.channel);
  if (channel) return okAnswer({ channel: { id: channel } });
  const users = (stringArg(args.users) ?? "")
    .split(",")
    .map((user) => user.trim())
    .filter(Boolean);
  const [first] = users;
  if (!first) return errorAnswer("users_list_not_supplied");
  if (users.length > 8) return errorAnswer("too_many_users");
  const id = users.length === 1 ? `D${first}` : `G${users.sort().join("").slice(0, 20)}`;
  return okAnswer({ no_op: true, already_open: true, channel: { id } });
};

const history: MethodHandler = (state, args) => {
  const channel = requireChannel(state, args);
  if (!channel) return errorAnswer("channel_not_found");
  const outside = notMemberAnswer(state, channel);
  if (outside) return outside;
  const includeMetadata = isTruthyArg(args.include_all_metadata);
  const all = visibleMessages(state, channel);
  // Thread replies stay out of the channel history, like in Slack.
  const topLevel = all.filter((message) => !message.threadTs || message.threadTs === message.ts).reverse();
  const page = paginate(topLevel, args);
  return okAnswer({
    messages: page.messages.map((message) =>
      toSlackMessage(message, state.botUserId, {
        includeMetadata,
        replyCount: all.filter((reply) => reply.threadTs === message.ts && reply.ts !== message.ts).length,
      }),
    ),
    has_more: page.hasMore,
    pin_count: 0,
    response_metadata: { next_cursor: page.nextCursor },
  });
};

const replies: MethodHandler = (state, args) => {
  const channel = requireChannel(state, args);
  if (!channel) return errorAnswer("channel_not_found");
  const outside = notMemberAnswer(state, channel);
  if (outside) return outside;
  const ts = stringArg(args.ts);
  const all = visibleMessages(state, channel);
  const parent = all.find((message) => message.ts === ts);
  if (!ts || !parent) return errorAnswer("thread_not_found");
  const rootTs = parent.threadTs ?? parent.ts;
  const thread = all.filter((message) => message.ts === rootTs || message.threadTs === rootTs);
  const page = paginate(thread, args);
  const includeMetadata = isTruthyArg(args.include_all_metadata);
  return okAnswer({
    messages: page.messages.map((message) => {
      const slack = toSlackMessage(message, state.botUserId, { includeMetadata });
      slack.thread_ts = rootTs;
      if (message.ts === rootTs) slack.reply_count = thread.length - 1;
      return slack;
    }),
    has_more: page.hasMore,
    response_metadata: { next_cursor: page.nextCursor },
  });
};

/** The conversations.* Web API methods. */
export const conversationMethods: Record<string, MethodHandler> = {
  "conversations.info": info,
  "conversations.join": join,
  "conversations.members": members,
  "conversations.open": open,
  "conversations.history": history,
  "conversations.replies": replies,
};
