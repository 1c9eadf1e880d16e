import { WebClient } from "@slack/web-api";
import type { LocaleLookup } from "./locale.ts";

/**
 * users.info with include_locale, on a client that fails fast: a user waits
 * for their first reply while this runs, so no retries and a short timeout.
 */
export function usersInfoLocaleLookup(botToken: string, slackApiUrl: string | undefined): LocaleLookup {
  const client = new WebClient(botToken, {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 1500,
  });
  return async (userId) => {
    const result = await client.users.info({ user: userId, include_locale: true });
    return result.user?.locale;
  };
}
