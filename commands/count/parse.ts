import type { Db } from "../../db/client.ts";
import { findItemBySkuOrBarcode, type Item } from "../../src/domain/catalogue/items.ts";
import { findLocation } from "../../src/domain/catalogue/places.ts";
import { requireWarehouse } from "../../src/domain/stock-query.ts";
import type { StocktakeScopeInput } from "../../src/domain/stocktakes/start.ts";
import { readItemAmount } from "../item-quantity.ts";
import { resolvePlace } from "../places.ts";

/** What `/count …` asks for, with every code already resolved to its id. */
export type CountRequest =
  | { kind: "list" }
  | { kind: "start"; warehouseId: number; scope: StocktakeScopeInput }
  | { kind: "open"; number: string; bin?: string }
  | { kind: "finish"; number: string }
  | { kind: "cancel"; number: string }
  | { kind: "found"; number: string; item: Item; amount: string; bin: string };

/** Why the text is not a count request, for the reply. */
export type CountProblem =
  | { kind: "usage" }
  | { kind: "oneWarehouse" }
  | { kind: "mixed"; input: string }
  | { kind: "neither"; input: string; warehouse: string };

const startWords = new Set(["start", "new", "开始", "新建"]);
const finishWords = new Set(["finish", "done", "完成", "结束"]);
const cancelWords = new Set(["cancel", "取消"]);
const zoneWords = new Set(["zone", "区", "库区"]);
const foundWords = new Set(["found", "add", "找到", "发现"]);
const countNumber = /^CNT-?(\d{1,9})$/i;

/** CNT-1, cnt-000001 and CNT000001 all name CNT-000001. */
export function readCountNumber(word: string): string | undefined {
  const digits = countNumber.exec(word)?.[1];
  return digits === undefined ? undefined : `CNT-${digits.replace(/^0+(?=\d)/, "").padStart(6, "0")}`;
}

/**
 * Reads `/count`, `/count start <scope>`, `/count CNT-… [<bin> | finish | cancel]` (the verb may
 * come first too). Unknown warehouses and bins throw their own errors.
 */
export function parseCountRequest(db: Db, text: string): CountRequest | CountProblem {
  const words = text.split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined) return { kind: "list" };
  if (startWords.has(first.toLowerCase())) return parseStart(db, rest);
  const [second = "", ...found] = rest;
  const foundOn = readCountNumber(first);
  if (foundOn && foundWords.has(second.toLowerCase())) return parseFound(db, foundOn, found);
  const numbered = words.map(readCountNumber);
  const at = numbered.findIndex((n) => n !== undefined);
  const number = numbered[at];
  if (number === undefined || words.length > 2) return { kind: "usage" };
  const [other] = words.filter((_, index) => index !== at);
  if (other === undefined) return { kind: "open", number };
  const verb = other.toLowerCase();
  if (finishWords.has(verb)) return { kind: "finish", number };
  if (cancelWords.has(verb)) return { kind: "cancel", number };
  // Anything else after the number is the bin to (re)count from: A-03 or MAIN/A-03.
  return at === 0 ? { kind: "open", number, bin: other.split("/").at(-1) ?? other } : { kind: "usage" };
}

// `<sku> <qty>[ unit] <bin>`: stock that is not on the sheet.
function parseFound(db: Db, number: string, words: string[]): CountRequest | CountProblem {
  const read = readItemAmount(db, words);
  const [bin, ...extra] = read?.rest ?? [];
  if (!read || bin === undefined || extra.length > 0) return { kind: "usage" };
  return { kind: "found", number, item: read.item, amount: read.amount, bin };
}

function parseStart(db: Db, words: string[]): CountRequest | CountProblem {
  const [first, ...rest] = words;
  if (first === undefined) return { kind: "usage" };
  if (first.includes("/")) return parseBins(db, words);
  const warehouse = requireWarehouse(db, first);
  const start = (scope: StocktakeScopeInput): CountRequest => ({
    kind: "start",
    warehouseId: warehouse.id,
    scope,
  });
  const [next, zone, ...extra] = rest;
  if (next === undefined) return start({ kind: "warehouse" });
  if (zoneWords.has(next.toLowerCase())) {
    return zone === undefined || extra.length > 0 ? { kind: "usage" } : start({ kind: "zone", zone });
  }
  const itemIds: number[] = [];
  const locationIds: number[] = [];
  for (const word of rest) {
    const bin = word.includes("/") ? resolvePlace(db, word) : undefined;
    if (bin && bin.warehouseCode !== warehouse.code) return { kind: "oneWarehouse" };
    const item = bin ? undefined : findItemBySkuOrBarcode(db, word);
    const location = bin || item ? undefined : findLocation(db, warehouse.id, word);
    if (item) itemIds.push(item.id);
    else if (bin) locationIds.push(bin.locationId);
    else if (location && !location.archived) locationIds.push(location.id);
    else return { kind: "neither", input: word, warehouse: warehouse.code };
    if (itemIds.length > 0 && locationIds.length > 0) return { kind: "mixed", input: word };
  }
  return start(itemIds.length > 0 ? { kind: "items", itemIds } : { kind: "bins", locationIds });
}

// `MAIN/A-01 A-02 MAIN/B-01`: the first names the warehouse, the others may leave it out.
function parseBins(db: Db, words: string[]): CountRequest | CountProblem {
  const places = [];
  for (const word of words) {
    const place = resolvePlace(db, word, places[0]?.warehouseCode);
    if (!place) return { kind: "usage" };
    if (places[0] && place.warehouseCode !== places[0].warehouseCode) return { kind: "oneWarehouse" };
    places.push(place);
  }
  const [first] = places;
  if (!first) return { kind: "usage" };
  return {
    kind: "start",
    warehouseId: requireWarehouse(db, first.warehouseCode).id,
    scope: { kind: "bins", locationIds: places.map((p) => p.locationId) },
  };
}
