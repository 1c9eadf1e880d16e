import type { Db } from "../../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import { getUserLanguage, rememberPlatformLocale } from "../domain/user-settings.ts";
import { type Locale, toLocale } from "../i18n/index.ts";
import type { Logger } from "../log.ts";

/** Asks Slack for a user's locale (users.info with include_locale); undefined when it cannot say. */
export type LocaleLookup = (userId: string) => Promise<string | undefined>;

export interface LocaleResolverOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  lookup: LocaleLookup;
  /** How long a locale Slack reported stays trusted before we ask again. */
  refreshAfterMs?: number;
  /** How long to wait before asking again after Slack could not answer. */
  retryAfterMs?: number;
}

export interface LocaleResolver {
  localeFor(userId: string): Promise<Locale>;
  /** Drop what is cached for a user, e.g. after they chose a language. */
  forget(userId: string): void;
}

const day = 24 * 60 * 60 * 1000;

/** The user's language: their own choice, else Slack's locale (cached in memory and SQLite), else English. */
export function createLocaleResolver(options: LocaleResolverOptions): LocaleResolver {
  const { db, clock, logger, lookup } = options;
  const refreshAfterMs = options.refreshAfterMs ?? day;
  const retryAfterMs = options.retryAfterMs ?? 5 * 60 * 1000;
  const memory = new Map<string, { locale: Locale; until: number }>();

  const remember = (userId: string, locale: Locale, forMs: number) => {
    memory.set(userId, { locale, until: clock.now() + forMs });
    return locale;
  };

  return {
    async localeFor(userId) {
      const cached = memory.get(userId);
      if (cached && cached.until > clock.now()) return cached.locale;

      const stored = getUserLanguage(db, userId);
      if (stored.override) return remember(userId, stored.override, refreshAfterMs);
      const storedAt = stored.platformLocaleFetchedAt ?? 0;
      if (stored.platformLocale && clock.now() - storedAt < refreshAfterMs) {
        return remember(
          userId,
          toLocale(stored.platformLocale) ?? "en",
          refreshAfterMs - (clock.now() - storedAt),
        );
      }

      try {
        const reported = await lookup(userId);
        if (reported) {
          rememberPlatformLocale(db, clock, userId, reported);
          return remember(userId, toLocale(reported) ?? "en", refreshAfterMs);
        }
      } catch (error) {
        logger.warn({ user: userId, err: error }, "could not read the user's Slack locale");
      }
      return remember(userId, toLocale(stored.platformLocale) ?? "en", retryAfterMs);
    },
    forget(userId) {
      memory.delete(userId);
    },
  };
}
