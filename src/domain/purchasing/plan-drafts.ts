import type { Db } from "../../../db/client.ts";
import { addDays } from "../../text/calendar.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { buildPurchasePlan, type PlanOptions } from "./plan.ts";
import type { PlanSuggestion } from "./plan-rule.ts";
import {
  createPurchaseOrder,
  maxPurchaseOrderLines,
  type PurchaseOrderLineInput,
} from "./purchase-orders.ts";
import { startingUnitPrice } from "./starting-price.ts";

/** What "Create draft POs" made, and the lines it had to leave out for want of a price. */
export interface PlanDraftsResult {
  numbers: string[];
  lines: number;
  unpriced: string[];
}

/**
 * The price a draft line starts from: the supplier's list price, else the last price paid (this
 * supplier first), else the item's average cost. Undefined when none exists: the clerk must
 * price it by hand.
 */
function startingPrice(db: Db, itemId: number, supplierId: number, today: string): number | undefined {
  const start = startingUnitPrice(db, supplierId, itemId, today);
  if (start) return start.unitPrice;
  const row = db.$client
    .prepare("select qty, value from item_valuations where item_id = ?")
    .raw()
    .get(itemId) as [number, number] | undefined;
  if (!row || row[0] <= 0 || row[1] <= 0) return undefined;
  return Math.max(1, Math.round(row[1] / row[0]));
}

/**
 * Turns the plan's current suggestions for one supplier (all of them, or the chosen items: the
 * plan's Choose lines, a low-stock alert's single item) into draft POs (30 lines each), which the
 * clerk reviews and submits. The plan is computed again at the click, and drafts count against
 * it, so a second click or a stale button finds nothing left and writes nothing.
 */
export function createDraftsFromPlan(
  db: Db,
  clock: Clock,
  input: {
    supplierId: number;
    options: PlanOptions;
    userId: string;
    today: string;
    currency: string;
    /** Only these items' lines; absent: every line of the supplier. */
    itemIds?: readonly number[] | undefined;
  },
): PlanDraftsResult {
  requirePermission(db, input.userId, "po.create");
  // One item (a low-stock alert) is planned alone; otherwise the supplier's whole group.
  const [onlyItem] = input.itemIds?.length === 1 ? input.itemIds : [];
  const scope = onlyItem === undefined ? { supplierId: input.supplierId } : { itemId: onlyItem };
  const plan = buildPurchasePlan(db, clock.now(), input.options, scope);
  const group = plan.groups.find((g) => g.supplier?.id === input.supplierId);
  const chosen = input.itemIds ? new Set(input.itemIds) : undefined;
  const lines = (group?.lines ?? []).filter((line) => !chosen || chosen.has(line.facts.itemId));
  if (lines.length === 0) throw new JxcError("STALE_ACTION");
  const priced: { line: PurchaseOrderLineInput; suggestion: PlanSuggestion }[] = [];
  const unpriced: string[] = [];
  for (const suggestion of lines) {
    const unitPrice = startingPrice(db, suggestion.facts.itemId, input.supplierId, input.today);
    if (unitPrice === undefined) unpriced.push(suggestion.facts.sku);
    else
      priced.push({ line: { itemId: suggestion.facts.itemId, qty: suggestion.qty, unitPrice }, suggestion });
  }
  const numbers: string[] = [];
  for (let start = 0; start < priced.length; start += maxPurchaseOrderLines) {
    const chunk = priced.slice(start, start + maxPurchaseOrderLines);
    const lead = Math.max(1, ...chunk.map((c) => c.suggestion.leadTimeDays));
    const created = createPurchaseOrder(db, clock, {
      supplierId: input.supplierId,
      lines: chunk.map((c) => c.line),
      expectedDay: addDays(input.today, lead),
      notes: "Purchase plan / 采购计划",
      currency: input.currency,
      userId: input.userId,
      today: input.today,
      submit: false,
    });
    numbers.push(created.number);
  }
  return { numbers, lines: priced.length, unpriced };
}
