/** Decodes a Slack request body: JSON events, form-encoded commands, or `payload=<json>` interactions. */
export function parseSlackBody(
  rawBody: string,
  contentType: string | undefined,
): Record<string, unknown> | undefined {
  try {
    if (contentType?.startsWith("application/x-www-form-urlencoded")) {
      const form = new URLSearchParams(rawBody);
      const payload = form.get("payload");
      if (payload !== null) return asObject(JSON.parse(payload));
      return Object.fromEntries(form);
    }
    return asObject(JSON.parse(rawBody));
  } catch {
    return undefined;
  }
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
