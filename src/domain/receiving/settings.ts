import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { companySettings } from "../../../db/schema.ts";

const toleranceKey = "receipt_tolerance_pct";

/** How far (in % of the ordered quantity) a PO line may be over-received, unless the company sets it. */
export const defaultReceiptTolerancePct = 5;

/** The over-receipt tolerance in % of each PO line's ordered quantity. */
export function readReceiptTolerancePct(db: Pick<Db, "select">): number {
  const value = db
    .select({ value: companySettings.value })
    .from(companySettings)
    .where(eq(companySettings.key, toleranceKey))
    .get()?.value;
  return typeof value === "number" && value >= 0 && value <= 1000 ? value : defaultReceiptTolerancePct;
}

/** The most a line ordered at `ordered` may receive in all (accepted), rounded down to whole units. */
export function maxAcceptedQty(ordered: number, tolerancePct: number): number {
  return ordered + Math.floor((ordered * tolerancePct) / 100);
}
