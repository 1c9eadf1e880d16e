/**
 * A user as a slash command carries it: `<@U123|alice>` (with should_escape),
 * `<@U123>`, or a bare member id. A plain "@alice" cannot be resolved safely.
 */
export function parseUserMention(input: string): string | undefined {
  const escaped = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(input);
  if (escaped) return escaped[1];
  return /^[UW][A-Z0-9]{2,}$/.test(input) ? input : undefined;
}

/**
 * A channel as a slash command with should_escape carries it: `<#C123|name>` or `<#C123>`.
 * A bare "#name" arrives as plain text and names no channel id, so it is not accepted.
 */
export function parseChannelMention(input: string): string | undefined {
  return /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(input)?.[1];
}

/** Slack user ids (U…, or W… on Enterprise Grid); every other id we hold is a conversation. */
export function isUserId(id: string): boolean {
  return /^[UW][A-Z0-9]+$/.test(id);
}
