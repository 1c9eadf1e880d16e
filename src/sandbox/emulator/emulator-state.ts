import type {
  EmulatedUser,
  FailureRule,
  HoldRule,
  OpenView,
  RecordedCall,
  ResponseUrlContext,
  ResponseUrlPost,
  StoredMessage,
} from "./emulator-types.ts";

/** Slack's limits on trigger ids and response URLs (DESIGN §5). */
export const TRIGGER_TTL_MS = 3_000;
export const RESPONSE_URL_TTL_MS = 30 * 60_000;
export const RESPONSE_URL_MAX_USES = 5;

// Slack lets a channel absorb a short burst before pacing posts to the configured rate.
const CHANNEL_BURST = 3;

/** A trigger_id handed out with a request: single use, short-lived. */
export interface TriggerRecord {
  createdAt: number;
  used: boolean;
  userId?: string;
}

/** A response_url handed out with a request, with its use count. */
export interface ResponseUrlRecord {
  context: ResponseUrlContext;
  createdAt: number;
  uses: number;
  // Without a message in the context, replace_original targets what this URL posted last.
  lastPostedTs?: string;
}

/** A file known to the workspace, complete once its bytes arrived. */
export interface FileRecord {
  name: string;
  declaredLength: number;
  title?: string;
  bytes?: Buffer;
  channel?: string;
  completed: boolean;
  /** The user who uploaded it, for files users share with the app. */
  owner?: string;
}

interface RateBucket {
  tokens: number;
  updatedAt: number;
}

/** Everything the fake Slack workspace remembers; handlers mutate it directly. */
export class EmulatorState {
  readonly users = new Map<string, EmulatedUser>();
  readonly channelNames = new Map<string, string>();
  /**
   * Channels the bot has been removed from (or was never invited to). The bot starts as a
   * member of every channel, so tests and the sandbox post anywhere unless they say otherwise.
   */
  readonly botAbsentFrom = new Set<string>();
  calls: RecordedCall[] = [];
  messages: StoredMessage[] = [];
  readonly views = new Map<string, OpenView>();
  /** rootViewId → view ids from bottom to top of the modal stack. */
  readonly stacks = new Map<string, string[]>();
  readonly homeViewIds = new Map<string, string>();
  readonly triggers = new Map<string, TriggerRecord>();
  readonly responseUrls = new Map<string, ResponseUrlRecord>();
  responseUrlPosts: ResponseUrlPost[] = [];
  readonly failures = new Map<string, FailureRule[]>();
  readonly holds = new Map<string, HoldRule[]>();
  /** Answers being held back, each resolved on release. */
  readonly held = new Set<() => void>();
  readonly files = new Map<string, FileRecord>();
  /** Socket Mode: the app-level token apps.connections.open accepts, and the URL it hands out. */
  socketMode: { appToken: string; url: string } | undefined;
  channelRate: { perSecond: number; buckets: Map<string, RateBucket> } | undefined;
  baseUrl = "";
  private readonly watchers = new Set<() => void>();
  private clockOffsetMs = 0;
  // Counters survive reset() so ids and timestamps never repeat within one emulator.
  private lastTsMicros = 0;
  private idCounter = 0;

  constructor(
    readonly botUserId: string,
    readonly botToken: string,
  ) {}

  /** Calls `watcher` after every change anyone might see; answers how to stop watching. */
  watch(watcher: () => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Tells watchers (the sandbox page's live stream) that the workspace may look different. */
  changed(): void {
    for (const watcher of this.watchers) watcher();
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceTime(ms: number): void {
    this.clockOffsetMs += ms;
  }

  nextTs(): string {
    // Like Slack's: the posting time in seconds with six decimals, and never the same twice.
    const micros = Math.max(this.now() * 1000, this.lastTsMicros + 1);
    this.lastTsMicros = micros;
    return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, "0")}`;
  }

  nextId(prefix: string, width = 9): string {
    this.idCounter += 1;
    return `${prefix}${this.idCounter.toString(36).toUpperCase().padStart(width, "0")}`;
  }

  reset(): void {
    this.calls = [];
    this.messages = [];
    this.views.clear();
    this.stacks.clear();
    this.homeViewIds.clear();
    this.triggers.clear();
    this.responseUrls.clear();
    this.responseUrlPosts = [];
    this.failures.clear();
    this.holds.clear();
    this.releaseHeld();
    this.files.clear();
    this.channelRate = undefined;
  }

  /** Whether the bot may post in and read this channel; DMs (D…, or a user id) always. */
  botIsMember(channel: string): boolean {
    const resolved = this.resolveChannel(channel);
    return resolved.startsWith("D") || !this.botAbsentFrom.has(resolved);
  }

  /** Slack accepts a user id as a channel and delivers to the DM with that user. */
  resolveChannel(channel: string): string {
    return /^[UW][A-Z0-9]+$/.test(channel) ? `D${channel}` : channel;
  }

  findMessage(channel: string, ts: string, options: { ephemeral?: boolean } = {}): StoredMessage | undefined {
    const resolved = this.resolveChannel(channel);
    return this.messages.find(
      (message) =>
        message.channel === resolved &&
        message.ts === ts &&
        (options.ephemeral === undefined || Boolean(message.ephemeral) === options.ephemeral),
    );
  }

  removeMessage(target: StoredMessage): void {
    this.messages = this.messages.filter((message) => message !== target);
  }

  takeFailure(method: string): FailureRule | undefined {
    const queue = this.failures.get(method);
    const rule = queue?.[0];
    if (!queue || !rule) return undefined;
    const remaining = (rule.times ?? 1) - 1;
    if (remaining > 0) queue[0] = { ...rule, times: remaining };
    else queue.shift();
    return rule;
  }

  takeHold(method: string): HoldRule | undefined {
    return this.holds.get(method)?.shift();
  }

  /** Resolves when the held answer is released (or the emulator stops). */
  holdAnswer(): Promise<void> {
    return new Promise((resolve) => {
      const release = () => {
        this.held.delete(release);
        resolve();
      };
      this.held.add(release);
    });
  }

  releaseHeld(): void {
    for (const release of [...this.held]) release();
  }

  /** Token bucket per channel; answers false when the post must be rate limited. */
  admitChannelPost(channel: string): boolean {
    if (!this.channelRate) return true;
    const { perSecond, buckets } = this.channelRate;
    const capacity = Math.max(CHANNEL_BURST, perSecond);
    const now = this.now();
    const bucket = buckets.get(channel) ?? { tokens: capacity, updatedAt: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * perSecond);
    bucket.updatedAt = now;
    buckets.set(channel, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  userStack(userId: string | undefined): string[] | undefined {
    for (const [rootId, stack] of this.stacks) {
      const root = this.views.get(rootId);
      if (root && root.userId === userId) return stack;
    }
    return undefined;
  }
}
