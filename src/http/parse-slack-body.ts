import { parse } from "node:querystring";

/** Decodes a Slack request body: JSON events, form-encoded commands, or `payload=<json>` interactions. */
export function parseSlackBody(
  rawBody: string,
  contentType: string | undefined,
): Record<string, unknown> | undefined {
  try {
    if (contentType?.startsWith("application/x-www-form-urlencoded")) {
      // querystring (as Bolt's own receiver uses) decodes a form in about half the time URLSearchParams takes.
      const form = parse(rawBody);
      const payload = lastValue(form.payload);
      if (payload !== undefined) return asObject(JSON.parse(payload));
      for (const key in form) {
        const value = form[key];
        if (Array.isArray(value)) form[key] = value.at(-1);
      }
      return form;
    }
    return asObject(JSON.parse(rawBody));
  } catch {
    return undefined;
  }
}

// A field sent twice keeps its last value, as URLSearchParams-based readers do.
function lastValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.at(-1) : value;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
