import { createHmac } from "node:crypto";

/** Slack's v0 request signature; the sandbox and the test driver sign exactly as Slack does. */
export function signSlackRequest(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

/** The two headers Slack adds to every request it sends an app. */
export function signatureHeaders(
  signingSecret: string,
  timestamp: number,
  rawBody: string,
): Record<string, string> {
  return {
    "X-Slack-Request-Timestamp": String(timestamp),
    "X-Slack-Signature": signSlackRequest(signingSecret, timestamp, rawBody),
  };
}
