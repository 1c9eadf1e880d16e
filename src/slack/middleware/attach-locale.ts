import type { Context } from "@slack/bolt";
import { type Locale, toLocale } from "../../i18n/index.ts";

/** The language the pipeline chose for this request. */
export function localeOf(context: Context): Locale {
  return toLocale(typeof context.locale === "string" ? context.locale : undefined) ?? "en";
}

/** Who is acting, from any Slack body: command, interaction or event. */
export function actingUserId(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  if (typeof body.user_id === "string") return body.user_id;
  if (isRecord(body.user) && typeof body.user.id === "string") return body.user.id;
  if (isRecord(body.event) && typeof body.event.user === "string") return body.event.user;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
