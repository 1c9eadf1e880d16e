import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { userSettings } from "../../db/schema.ts";
import { writeAudit } from "./audit.ts";
import type { Clock } from "./clock.ts";

export type Language = "en" | "zh-CN";

export interface UserLanguage {
  /** The user's own choice, which always wins. */
  override: Language | undefined;
  /** The locale the chat platform reported, and when we asked. */
  platformLocale: string | undefined;
  platformLocaleFetchedAt: number | undefined;
}

/** What we know about a user's language, without asking the platform. */
export function getUserLanguage(db: Db, userId: string): UserLanguage {
  const row = db.select().from(userSettings).where(eq(userSettings.slackUserId, userId)).get();
  return {
    override: row?.language ?? undefined,
    platformLocale: row?.platformLocale ?? undefined,
    platformLocaleFetchedAt: row?.platformLocaleFetchedAt ?? undefined,
  };
}

/** Sets the user's language override, with an audit row, in one transaction. */
export function setLanguage(db: Db, clock: Clock, userId: string, language: Language): void {
  db.transaction((tx) => {
    const before = tx.select().from(userSettings).where(eq(userSettings.slackUserId, userId)).get();
    const at = clock.now();
    tx.insert(userSettings)
      .values({ slackUserId: userId, language, updatedAt: at })
      .onConflictDoUpdate({ target: userSettings.slackUserId, set: { language, updatedAt: at } })
      .run();
    writeAudit(tx, {
      actor: userId,
      action: "user.language.set",
      entity: "user",
      entityId: userId,
      before: { language: before?.language ?? null },
      after: { language },
      at,
    });
  });
}

/** Caches the platform's locale for a user (not a user decision, so no audit row). */
export function rememberPlatformLocale(db: Db, clock: Clock, userId: string, locale: string): void {
  const at = clock.now();
  db.insert(userSettings)
    .values({ slackUserId: userId, platformLocale: locale, platformLocaleFetchedAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: userSettings.slackUserId,
      set: { platformLocale: locale, platformLocaleFetchedAt: at, updatedAt: at },
    })
    .run();
}
