import { type Logger, LogLevel, WebClient, type WebClientOptions } from "@slack/web-api";
import type { SlackEmulator } from "./slack-emulator.ts";

/** Keeps expected Slack errors in tests from cluttering the output. */
export function silentLogger(): Logger {
  let level = LogLevel.ERROR;
  return {
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: () => {},
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/**
 * A real @slack/web-api client aimed at the emulator, failing fast instead of retrying so
 * tests can observe rate limits and errors directly.
 */
export function webClientFor(
  emulator: SlackEmulator,
  options: WebClientOptions & { token?: string | undefined } = {},
): WebClient {
  // An explicit `token: undefined` means an unauthenticated client.
  const { token: _token, ...rest } = options;
  const token = "token" in options ? options.token : emulator.botToken;
  return new WebClient(token, {
    slackApiUrl: emulator.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: silentLogger(),
    ...rest,
  });
}
