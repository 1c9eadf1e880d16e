import type { Db } from "../../../db/client.ts";
import type { Tx } from "../stock/types.ts";
import { lastPurchasePrice, type PurchaseOrderView, purchasingSpendThisMonth } from "./reads.ts";
import { lastDays, scoreSupplier, summariseScore } from "./scorecard.ts";
import { readPriceAlertPct, readPurchasingBudget } from "./settings.ts";

/**
 * The facts an approver reads, frozen at submission: terms, lines against last prices, budget,
 * and the supplier's scorecard over the last 90 days (when the company time zone is known, as
 * receipts are judged by company days).
 */
export function describeForApproval(
  tx: Tx,
  po: PurchaseOrderView,
  context: { today: string; timeZone?: string | undefined; db?: Db | undefined },
): Record<string, unknown> {
  const scorecard =
    context.timeZone && context.db
      ? summariseScore(
          scoreSupplier(context.db, po.supplier.id, lastDays(context.today), {
            today: context.today,
            timeZone: context.timeZone,
          }),
        )
      : null;
  return {
    supplier: po.supplier,
    expectedDay: po.expectedDay,
    deliveryTerms: po.deliveryTerms,
    qualityStandard: po.qualityStandard,
    paymentTermsDays: po.paymentTermsDays,
    notes: po.notes,
    total: po.total,
    lines: po.lines.map((line) => ({
      sku: line.sku,
      name: line.name,
      nameZh: line.nameZh,
      unit: line.unit,
      qty: line.qty,
      unitPrice: line.unitPrice,
      lastPrice: lastPurchasePrice(tx, line.itemId, po.supplier.id, po.id)?.unitPrice ?? null,
    })),
    priceAlertPct: readPriceAlertPct(tx),
    spendThisMonth: purchasingSpendThisMonth(tx, context.today),
    budget: readPurchasingBudget(tx),
    scorecard,
  };
}
