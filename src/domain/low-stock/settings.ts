import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { companySettings } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { requirePermission } from "../permissions.ts";

/** Company setting: when true, single low-stock alerts give way to one digest each morning. */
export const lowStockDigestKey = "low_stock_digest";

/** Whether the company asked for the daily digest instead of single alerts (off unless set). */
export function readLowStockDigest(db: Pick<Db, "select">): boolean {
  return (
    db
      .select({ value: companySettings.value })
      .from(companySettings)
      .where(eq(companySettings.key, lowStockDigestKey))
      .get()?.value === true
  );
}

/** Turns the daily digest on or off (admins); answers whether anything changed. */
export function setLowStockDigest(db: Db, clock: Clock, input: { on: boolean; actor: string }): boolean {
  requirePermission(db, input.actor, "lowstock.manage");
  return db.transaction((tx) => {
    const before = readLowStockDigest(tx);
    if (before === input.on) return false;
    const at = clock.now();
    tx.insert(companySettings)
      .values({ key: lowStockDigestKey, value: input.on, updatedBy: input.actor, updatedAt: at })
      .onConflictDoUpdate({
        target: companySettings.key,
        set: { value: input.on, updatedBy: input.actor, updatedAt: at },
      })
      .run();
    writeAudit(tx, {
      actor: input.actor,
      action: "setting.change",
      entity: "setting",
      entityId: lowStockDigestKey,
      before,
      after: input.on,
      at,
    });
    return true;
  });
}
