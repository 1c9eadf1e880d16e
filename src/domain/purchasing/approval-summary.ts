import type { Tx } from "../stock/types.ts";
import { lastPurchasePrice, type PurchaseOrderView, purchasingSpendThisMonth } from "./reads.ts";
import { readPriceAlertPct, readPurchasingBudget } from "./settings.ts";

/** The facts an approver reads, frozen at submission: terms, lines against last prices, budget. */
export function describeForApproval(
  tx: Tx,
  po: PurchaseOrderView,
  context: { today: string; timeZone?: string | undefined },
): Record<string, unknown> {
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
  };
}
