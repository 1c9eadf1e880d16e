import type { Db } from "../../db/client.ts";
import type { Item } from "../../src/domain/catalogue/items.ts";
import { parseQuantity } from "../../src/domain/quantity.ts";
import type { AdjustReason } from "../../src/domain/stock/index.ts";
import { readItemAmount } from "../item-quantity.ts";
import { resolvePlace } from "../places.ts";

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
  const read = tokens.length >= 4 ? readItemAmount(db, tokens) : undefined;
  if (!read) return { kind: "usage" };
  const { item, amount } = read;
  const [placeText = "", reasonText = "", ...noteWords] = read.rest;
  const note = noteWords.join(" ") || undefined;
  if (!placeText.includes("/")) return { kind: "place", input: placeText };
  const reason = reasonWords[reasonText.toLowerCase()];
  if (!reason) return { kind: "reason", input: reasonText };
  const place = resolvePlace(db, placeText);
  if (!place) return { kind: "place", input: placeText };
  const signed = /^[+\-−]/.exec(amount.trim())?.[0];
  const { baseQty } = parseQuantity(amount.replace(/^[+\-−]/, ""), item);
  const sign = signed ? (signed === "+" ? 1 : -1) : impliedSign[reason];
  if (sign === undefined) return { kind: "usage" };
  return {
    item,
    locationId: place.locationId,
    place: place.place,
    qtyDelta: sign * baseQty,
    reason,
    note,
  };
}
