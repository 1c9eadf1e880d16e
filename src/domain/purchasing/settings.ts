import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { companySettings } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { maxMoneyMinor } from "../money.ts";

const budgetKey = "purchasing_monthly_budget";
const thresholdKey = "price_alert_pct";

/** Above this difference from the last price (in %) the approval card flags a line, unless set. */
export const defaultPriceAlertPct = 10;

function readSetting(db: Pick<Db, "select">, key: string): unknown {
  return db
    .select({ value: companySettings.value })
    .from(companySettings)
    .where(eq(companySettings.key, key))
    .get()?.value;
}

/** The monthly purchasing budget in minor units, or null when none is set. */
export function readPurchasingBudget(db: Pick<Db, "select">): number | null {
  const value = readSetting(db, budgetKey);
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}

/** The % difference from the last price above which a PO line is flagged. */
export function readPriceAlertPct(db: Pick<Db, "select">): number {
  const value = readSetting(db, thresholdKey);
  return typeof value === "number" && value >= 0 ? value : defaultPriceAlertPct;
}

/** Sets the monthly purchasing budget (minor units; admins and the finance supervisor). */
export function setPurchasingBudget(db: Db, clock: Clock, input: { amount: number; actor: string }): void {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0 || input.amount > maxMoneyMinor) {
    throw new JxcError("INVALID_MONEY", { input: String(input.amount), problem: "zero" }, "amount");
  }
  const at = clock.now();
  db.transaction((tx) => {
    const before = readPurchasingBudget(tx);
    tx.insert(companySettings)
      .values({ key: budgetKey, value: input.amount, updatedBy: input.actor, updatedAt: at })
      .onConflictDoUpdate({
        target: companySettings.key,
        set: { value: input.amount, updatedBy: input.actor, updatedAt: at },
      })
      .run();
    writeAudit(tx, {
      actor: input.actor,
      action: "setting.change",
      entity: "setting",
      entityId: budgetKey,
      before,
      after: input.amount,
      at,
    });
  });
}
