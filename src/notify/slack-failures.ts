/** How a failed Slack call should be handled, decided in one place. */
export type SlackFailure =
  /** HTTP 429: Slack did nothing; wait `retryAfterMs`, no attempt used. */
  | { kind: "rate_limited"; retryAfterMs: number }
  /** Slack refused the request as it stands; sending it again would fail the same way. */
  | { kind: "permanent"; error: string }
  /** A hiccup; the call may even have taken effect (a timeout, `fatal_error`), so a post is looked up before resending. */
  | { kind: "transient"; error: string };

// Slack's documented "try again" errors; several say the operation may have partly succeeded.
const transientPlatformErrors = new Set([
  "internal_error",
  "fatal_error",
  "service_unavailable",
  "request_timeout",
  "ratelimited",
  "team_added_to_org",
]);

/** Classifies what @slack/web-api threw (by its error codes, so a second copy of the package still matches). */
export function classifySlackError(error: unknown): SlackFailure {
  const coded = isObject(error) ? error : {};
  switch (coded.code) {
    case "slack_webapi_rate_limited_error":
      return { kind: "rate_limited", retryAfterMs: Math.max(0, Number(coded.retryAfter ?? 1)) * 1000 };
    case "slack_webapi_platform_error": {
      const data = isObject(coded.data) ? coded.data : {};
      const code = typeof data.error === "string" ? data.error : "unknown_error";
      return transientPlatformErrors.has(code)
        ? { kind: "transient", error: code }
        : { kind: "permanent", error: code };
    }
    case "slack_webapi_http_error": {
      const status = Number(coded.statusCode);
      // 5xx: Slack's side broke, maybe after acting; anything else is a request it will never take.
      return status >= 500
        ? { kind: "transient", error: `http_${status}` }
        : { kind: "permanent", error: `http_${status}` };
    }
    default: {
      const original = isObject(coded.original) ? coded.original : coded;
      const message = typeof original.message === "string" ? original.message : String(error);
      return { kind: "transient", error: `request_failed: ${message}`.slice(0, 300) };
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
