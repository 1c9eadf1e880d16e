import type { Db } from "../../db/client.ts";
import { findItemBySkuOrBarcode } from "../../src/domain/catalogue/items.ts";
import { JxcError } from "../../src/domain/errors.ts";
import { currencyDecimals, parseMoney } from "../../src/domain/money.ts";
import type { PurchaseOrderLineInput } from "../../src/domain/purchasing/purchase-orders.ts";
import { startingUnitPrice } from "../../src/domain/purchasing/starting-price.ts";
import { parseQuantity } from "../../src/domain/quantity.ts";
import type { Locale } from "../../src/i18n/index.ts";
import { parseDay, todayIn } from "../../src/text/dates.ts";
import type { Company } from "../deps.ts";
import { requireSupplier } from "./suppliers.ts";

/** What the one-line form said, ready for createPurchaseOrder. */
export interface QuickPurchaseOrder {
  supplierId: number;
  lines: PurchaseOrderLineInput[];
  expectedDay: string;
}

/** Why the line could not be read, for a reply that shows the usage. */
export type QuickProblem =
  | { kind: "usage" }
  | { kind: "noDate" }
  | { kind: "badLine"; input: string }
  | { kind: "noPrice"; sku: string };

// The last "by" or "到" starts the date: "… by next friday", "… 到 下周五", "…到月底".
const dateSplit = /^(.*?)(?:\s+by\s+|\s*到\s*)((?:(?!\s+by\s+|到).)+)$/is;

/**
 * Reads `<supplier> <qty>[ unit] <sku> [@ <unit price>], … by|到 <date>`. A line without a
 * price takes the supplier's list price, else the item's last price. Unknown suppliers, items, bad quantities, prices and
 * dates throw the domain's errors; shapes it cannot read come back as a problem.
 */
export function parseQuickPurchaseOrder(
  db: Db,
  text: string,
  context: { company: Company; now: number; locale: Locale },
): QuickPurchaseOrder | QuickProblem {
  const split = dateSplit.exec(text.normalize("NFKC").trim());
  if (!split) return { kind: "noDate" };
  const [, head = "", dateText = ""] = split;
  const [supplierCode = "", ...rest] = head.trim().split(/\s+/);
  const body = rest.join(" ");
  if (!supplierCode || !body) return { kind: "usage" };
  const supplier = requireSupplier(db, supplierCode);
  const decimals = currencyDecimals(context.company.currency);
  const lines: PurchaseOrderLineInput[] = [];
  for (const raw of body.split(/[,;，；、]/)) {
    const lineText = raw.trim();
    if (!lineText) continue;
    const [left = "", priceText, ...extra] = lineText.split(/\s*[@＠]\s*/);
    const tokens = left.trim().split(/\s+/);
    const sku = tokens.pop() ?? "";
    const qtyText = tokens.join(" ");
    if (!sku || !qtyText || extra.length > 0) return { kind: "badLine", input: lineText };
    const item = findItemBySkuOrBarcode(db, sku);
    if (!item || item.archived) throw new JxcError("UNKNOWN_ITEM", { query: sku }, "sku");
    const { baseQty } = parseQuantity(qtyText, item);
    let unitPrice: number;
    if (priceText === undefined || priceText.trim() === "") {
      const start = startingUnitPrice(
        db,
        supplier.id,
        item.id,
        todayIn(context.company.timeZone, context.now),
      );
      if (!start) return { kind: "noPrice", sku: item.sku };
      unitPrice = start.unitPrice;
    } else {
      unitPrice = parseMoney(priceText, decimals);
    }
    lines.push({ itemId: item.id, qty: baseQty, unitPrice });
  }
  if (lines.length === 0) return { kind: "usage" };
  const { day } = parseDay(dateText, {
    now: context.now,
    timeZone: context.company.timeZone,
    locale: context.locale,
    field: "expected",
  });
  return { supplierId: supplier.id, lines, expectedDay: day };
}
