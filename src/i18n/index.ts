import type { JxcError } from "../domain/errors.ts";
import { type Catalog, en } from "./en.ts";
import { zhCN } from "./zh-cn.ts";

export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];

const catalogs: Record<Locale, Catalog> = { en, "zh-CN": zhCN };

/** The whole catalogue of one language; call sites read `messages(locale).help.title`. */
export function messages(locale: Locale): Catalog {
  return catalogs[locale];
}

/** The friendly text of a domain error, in the user's language. */
export function describeError(locale: Locale, error: JxcError): string {
  return catalogs[locale].errors[error.code](error.params);
}

/** Maps a Slack locale ("zh-CN", "zh-TW", "en-GB", …) or a typed choice ("zh", "中文") to one we speak. */
export function toLocale(input: string | undefined | null): Locale | undefined {
  if (!input) return undefined;
  const value = input.trim().toLowerCase().replace("_", "-");
  if (value === "zh" || value.startsWith("zh-") || value === "中文" || value === "cn") return "zh-CN";
  if (value === "en" || value.startsWith("en-") || value === "english") return "en";
  return undefined;
}
