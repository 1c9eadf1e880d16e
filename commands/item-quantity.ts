import type { Db } from "../db/client.ts";
import { findItemBySkuOrBarcode, type Item } from "../src/domain/catalogue/items.ts";
import { JxcError } from "../src/domain/errors.ts";
import { listUnits } from "../src/domain/quantity.ts";

/** `<sku|barcode> <qty>[ unit] …` as the warehouse commands start: the item, the amount as typed, the rest. */
export interface ItemAmount {
  item: Item;
  /** The quantity with its unit, sign included ("-3", "2 box"); parse it with parseQuantity. */
  amount: string;
  rest: string[];
}

/** Reads the item and the amount; undefined when the words are missing, UNKNOWN_ITEM when the code is. */
export function readItemAmount(db: Db, tokens: readonly string[]): ItemAmount | undefined {
  const [code, quantityText, maybeUnit, ...others] = tokens;
  if (!code || !quantityText) return undefined;
  const item = findItemBySkuOrBarcode(db, code);
  if (!item) throw new JxcError("UNKNOWN_ITEM", { query: code }, "sku");
  const isUnit =
    maybeUnit !== undefined && listUnits(item).some((u) => u.unit.toLowerCase() === maybeUnit.toLowerCase());
  if (isUnit) return { item, amount: `${quantityText} ${maybeUnit}`, rest: others };
  return { item, amount: quantityText, rest: maybeUnit === undefined ? others : [maybeUnit, ...others] };
}
