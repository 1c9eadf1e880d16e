import { parseJson } from "../../text/parse-json.ts";
import { signatureHeaders } from "./signing.ts";

const SLACK_USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";

/** Slack's form encoding for slash commands and interaction payloads. */
export const FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

/** What the app answered one request, as Slack sees it. */
export interface AppResponse {
  status: number;
  text: string;
  json: unknown;
  latencyMs: number;
}

/** Overrides for tests that send what Slack never would (stale timestamps, bad signatures). */
export interface PostInit {
  contentType?: string;
  timestamp?: number;
  signature?: string;
  secret?: string;
  headers?: Record<string, string>;
}

/** Where the app listens and the secret it checks; one link per app. */
export interface AppLinkOptions {
  url: string;
  signingSecret: string;
  now?: () => number;
}

/** Posts request bodies to the app's Slack endpoint, signed and labelled as Slack does. */
export class AppLink {
  readonly url: string;
  private readonly signingSecret: string;
  private readonly now: () => number;

  constructor(options: AppLinkOptions) {
    this.url = options.url;
    this.signingSecret = options.signingSecret;
    this.now = options.now ?? Date.now;
  }

  /** Seconds since the epoch on the link's clock, as Slack stamps requests and actions. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Slack's action_ts: seconds with microseconds. */
  actionTs(): string {
    return (this.now() / 1000).toFixed(6);
  }

  signedHeaders(rawBody: string, timestamp?: number, secret?: string): Record<string, string> {
    return signatureHeaders(secret ?? this.signingSecret, timestamp ?? this.nowSeconds(), rawBody);
  }

  async post(rawBody: string, init: PostInit = {}): Promise<AppResponse> {
    const json = rawBody.trimStart().startsWith("{");
    const headers: Record<string, string> = {
      "Content-Type": init.contentType ?? (json ? "application/json" : FORM_CONTENT_TYPE),
      "User-Agent": SLACK_USER_AGENT,
      ...this.signedHeaders(rawBody, init.timestamp, init.secret),
      ...(init.signature === undefined ? {} : { "X-Slack-Signature": init.signature }),
      ...init.headers,
    };
    const started = performance.now();
    const response = await fetch(this.url, { method: "POST", headers, body: rawBody });
    const text = await response.text();
    return {
      status: response.status,
      text,
      json: text ? parseJson(text) : undefined,
      latencyMs: performance.now() - started,
    };
  }
}
