import type { AnyMiddlewareArgs, Context, Middleware } from "@slack/bolt";
import { type Locale, toLocale } from "../../i18n/index.ts";
import type { LocaleResolver } from "../locale.ts";

export interface AttachLocaleOptions {
  locales: LocaleResolver;
}

/** Global middleware: puts the acting user's language on the context before any listener runs. */
export function attachLocale({ locales }: AttachLocaleOptions): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const userId = actingUserId(body);
    context.locale = userId ? await locales.localeFor(userId) : "en";
    await next();
  };
}

/** The language the middleware chose for this request. */
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
