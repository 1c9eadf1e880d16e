/** A member of the emulated workspace, as users.info reports them. */
export interface EmulatedUser {
  id: string;
  name: string;
  locale?: string;
  tz?: string;
  isBot?: boolean;
}

/** One Web API call the app made, kept so tests can assert on it. */
export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  ok: boolean;
  error?: string;
}

/** A file attached to a message. */
export interface StoredFileRef {
  id: string;
  name: string;
  title?: string;
}

/** A message as the workspace keeps it (ephemeral ones carry who may see them). */
export interface StoredMessage {
  channel: string;
  ts: string;
  threadTs?: string;
  user?: string;
  text?: string;
  blocks?: unknown[];
  metadata?: unknown;
  ephemeral?: boolean;
  visibleTo?: string;
  replaced?: boolean;
  files?: StoredFileRef[];
  source: "api" | "response_url";
}

/** A modal or Home tab the app opened, with its place in a modal stack. */
export interface OpenView {
  id: string;
  userId?: string;
  view: Record<string, unknown>;
  hash: string;
  rootViewId: string;
  previousViewId?: string;
}

/** One post the app made to a response_url. */
export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

/** How the next call(s) of a method should fail, for tests of retries and errors. */
export interface FailureRule {
  error?: string;
  status?: number;
  retryAfterSeconds?: number;
  times?: number;
}

/**
 * Holds the next call of a method: Slack got the request but its answer never comes back
 * (until released), as when the caller's process dies mid-call. `accept` says whether Slack
 * had already acted on it (a posted message exists) or not.
 */
export interface HoldRule {
  accept: boolean;
}

/** Where a response_url delivers: the channel, the user it answers and the message it may replace. */
export interface ResponseUrlContext {
  channel?: string;
  userId?: string;
  messageTs?: string;
}

/** A file uploaded through files.getUploadURLExternal / completeUploadExternal. */
export interface UploadedFile {
  name: string;
  bytes: Buffer;
  channel?: string;
}

/** What a Web API method handler answers; HTTP status is 200 unless stated. */
export interface ApiAnswer {
  body: Record<string, unknown>;
  status?: number;
  headers?: Record<string, string>;
}

/** The ids of the emulated workspace, its bot and its app; payloads carry them. */
export const EMULATED_TEAM_ID = "T0JXC0001";
export const EMULATED_TEAM_DOMAIN = "jxc-test";
export const EMULATED_BOT_ID = "B0JXC0001";
export const EMULATED_APP_ID = "A0JXC0001";
