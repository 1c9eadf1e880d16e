export interface EmulatedUser {
  id: string;
  name: string;
  locale?: string;
  tz?: string;
  isBot?: boolean;
}

export interface RecordedCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  ok: boolean;
  error?: string;
}

export interface StoredFileRef {
  id: string;
  name: string;
  title?: string;
}

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

export interface OpenView {
  id: string;
  userId?: string;
  view: Record<string, unknown>;
  hash: string;
  rootViewId: string;
  previousViewId?: string;
}

export interface ResponseUrlPost {
  id: string;
  body: Record<string, unknown>;
}

export interface FailureRule {
  error?: string;
  status?: number;
  retryAfterSeconds?: number;
  times?: number;
}

export interface ResponseUrlContext {
  channel?: string;
  userId?: string;
  messageTs?: string;
}

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

export const EMULATED_TEAM_ID = "T0JXC0001";
export const EMULATED_TEAM_DOMAIN = "jxc-test";
export const EMULATED_BOT_ID = "B0JXC0001";
export const EMULATED_APP_ID = "A0JXC0001";
