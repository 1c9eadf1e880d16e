import type { Db } from "../../db/client.ts";
import { findItemBySkuOrBarcode, type Item } from "../../src/domain/catalogue/items.ts";
import { findLocation } from "../../src/domain/catalogue/places.ts";
import { JxcError } from "../../src/domain/errors.ts";
import { listUnits, parseQuantity } from "../../src/domain/quantity.ts";
import type { AdjustReason } from "../../src/domain/stock/index.ts";
import { requireWarehouse } from "../../src/domain/stock-query.ts";

/** What `/adjust` understood, ready for requestAdjustment. */
export interface ParsedAdjustment {
  item: Item;
  locationId: number;
  place: string;
  qtyDelta: number;
  reason: AdjustReason;
  note: string | undefined;
}

/** Why the text could not be read as an adjustment, for the reply. */
export type AdjustProblem =
  | { kind: "usage" }
  | { kind: "place"; input: string }
  | { kind: "reason"; input: string };

const reasonWords: Record<string, AdjustReason> = {
  damaged: "damaged",
  damage: "damaged",
  损坏: "damaged",
  破损: "damaged",
  lost: "lost",
  丢失: "lost",
  found: "found",
  盘盈: "found",
  找到: "found",
  count: "count",
  盘点: "count",
  other: "other",
  其他: "other",
};
// Without a sign the reason says which way: damaged and lost take away, found adds.
const impliedSign: Partial<Record<AdjustReason, 1 | -1>> = { damaged: -1, lost: -1, found: 1 };

/** Reads `<sku> <±qty>[ unit] <warehouse>/<bin> <reason> [note…]`. */
export function parseAdjustment(db: Db, text: string): ParsedAdjustment | AdjustProblem {
  const tokens = text.split(/\s+/).filter(Boolean);
  const [code, quantityText] = tokens;
  if (!code || !quantityText || tokens.length < 4) return { kind: "usage" };
  const item = findItemBySkuOrBarcode(db, code);
  if (!item) throw new JxcError("UNKNOWN_ITEM", { query: code }, "sku");
  let next = 2;
  let amount = quantityText;
  const unitWord = tokens[next]?.toLowerCase();
  if (unitWord && listUnits(item).some((u) => u.unit.toLowerCase() === unitWord)) {
    amount = `${quantityText} ${tokens[next]}`;
    next += 1;
  }
  const placeText = tokens[next] ?? "";
  const reasonText = tokens[next + 1] ?? "";
  const note = tokens.slice(next + 2).join(" ") || undefined;
  const [warehouseCode, binCode] = placeText.split("/");
  if (!warehouseCode || !binCode) return { kind: "place", input: placeText };
  const reason = reasonWords[reasonText.toLowerCase()];
  if (!reason) return { kind: "reason", input: reasonText };
  const warehouse = requireWarehouse(db, warehouseCode);
  const location = findLocation(db, warehouse.id, binCode);
  if (!location || location.archived) {
    throw new JxcError("UNKNOWN_LOCATION", { code: binCode, warehouse: warehouse.code }, "place");
  }
  const signed = /^[+\-−]/.exec(amount.trim())?.[0];
  const { baseQty } = parseQuantity(amount.replace(/^[+\-−]/, ""), item);
  const sign = signed ? (signed === "+" ? 1 : -1) : impliedSign[reason];
  if (sign === undefined) return { kind: "usage" };
  return {
    item,
    locationId: location.id,
    place: `${warehouse.code}/${location.code}`,
    qtyDelta: sign * baseQty,
    reason,
    note,
  };
}
