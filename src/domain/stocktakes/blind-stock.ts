// Blind counting outside the count sheet: while a count is under way, the people who count must
// not read the system quantity of what they count in /stock, its list, a shared card, or a
// "not enough stock" refusal either; otherwise the sheet's blindness is one command away.
import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { isJxcError, JxcError } from "../errors.ts";
import { can } from "../permissions.ts";
import type { Role } from "../roles.ts";
import { getItemStock, type ItemStock, type LocationStock } from "../stock/item-stock.ts";
import { placeName } from "../stock/place-names.ts";
import { scopeCovers } from "./scope.ts";

/** A count being counted now, with what it covers. */
export interface CountUnderWay {
  id: number;
  number: string;
  warehouseId: number;
  scope: string;
  scopeLabel: string;
}

/** What a result list may show of an item's available quantity to a blind reader. */
export interface VisibleAvailable {
  /** Over the bins not being counted. */
  available: number;
  /** Bins left out, and the counts' numbers (none when nothing was left out). */
  leftOut: { bins: number; counts: string[] };
  /** Every bin holding the item is being counted: there is no figure to show at all. */
  allCounted: boolean;
}

/**
 * Whether someone reads stock blind while counts are under way: they may count, and hold no role
 * that reviews counts or sees cost (admin, warehouse supervisor, the cost roles), so in practice a
 * warehouse keeper, alone or with a sales role.
 */
export function readsStockBlind(held: ReadonlySet<Role>): boolean {
  return can(held, "stock.count") && !can(held, "stock.viewUnderCount");
}

/** The counts being counted now; none almost always, and then this one indexed read is all it costs. */
export function countsUnderWay(db: Db): CountUnderWay[] {
  const rows = blindReads(db).counting.all() as [number, string, number, string, string][];
  return rows.map(([id, number, warehouseId, scope, scopeLabel]) => ({
    id,
    number,
    warehouseId,
    scope,
    scopeLabel,
  }));
}

/**
 * The bins of an item that counts under way cover, each with its count's number: the bins among
 * `locationIds` inside a count's scope, and every bin where a count has a line of the item (also
 * one emptied since the count began, so it does not vanish from /stock and give away a zero).
 */
export function countedBinsOf(
  db: Db,
  itemId: number,
  locationIds: readonly number[],
  counts: readonly CountUnderWay[],
): Map<number, string> {
  const found = new Map<number, string>();
  if (counts.length === 0) return found;
  const reads = blindReads(db);
  const lines = reads.linesOfItem.all(itemId) as [number, number][];
  const byId = new Map(counts.map((c) => [c.id, c]));
  for (const [stocktakeId, locationId] of lines) {
    const count = byId.get(stocktakeId);
    if (count) found.set(locationId, count.number);
  }
  const onCount = new Set(lines.map(([stocktakeId]) => stocktakeId));
  for (const locationId of locationIds) {
    if (found.has(locationId)) continue;
    const place = placeName(db, locationId);
    if (!place) continue;
    const count = counts.find(
      (c) =>
        c.warehouseId === place.warehouseId &&
        scopeCovers(
          c,
          {
            code: place.locationCode,
            // A zone is read only when a zone count needs it: zones can change with a bins import.
            get zone() {
              return reads.zoneOf.get(locationId) as string | null;
            },
          },
          () => onCount.has(c.id),
        ),
    );
    if (count) found.set(locationId, count.number);
  }
  return found;
}

/**
 * An item's stock as someone may read it. For a blind reader (or a card shared to a channel,
 * whose readers may count) each bin being counted keeps its place in the list with the count's
 * number and no figures, and the totals leave those bins out, saying so. With no count under
 * way this is getItemStock plus one read.
 */
export function readItemStockAsSeen(db: Db, itemId: number, blind: boolean): ItemStock {
  const stock = getItemStock(db, itemId);
  if (!blind) return stock;
  const counts = countsUnderWay(db);
  if (counts.length === 0) return stock;
  return leaveOutCountedBins(db, itemId, stock, counts);
}

/** Available per item for a /stock result list, leaving out what a blind reader may not see. */
export function readAvailableAsSeen(
  db: Db,
  itemIds: readonly number[],
  available: ReadonlyMap<number, number>,
  blind: boolean,
): Map<number, VisibleAvailable> {
  const counts = blind ? countsUnderWay(db) : [];
  const seen = new Map<number, VisibleAvailable>();
  for (const itemId of itemIds) {
    const all = {
      available: available.get(itemId) ?? 0,
      leftOut: { bins: 0, counts: [] },
      allCounted: false,
    };
    if (counts.length === 0) {
      seen.set(itemId, all);
      continue;
    }
    const stock = leaveOutCountedBins(db, itemId, getItemStock(db, itemId), counts);
    seen.set(itemId, {
      available: stock.available,
      leftOut: stock.leftOut ?? all.leftOut,
      allCounted: stock.locations.length > 0 && stock.locations.every((l) => l.countedIn !== undefined),
    });
  }
  return seen;
}

/**
 * A "not enough stock" refusal at a bin being counted, as a blind reader gets it: what was asked
 * for and the count, not the quantity there. Any other error, or anyone else, passes unchanged.
 */
export function withoutCountedQuantity(
  db: Db,
  held: ReadonlySet<Role>,
  error: unknown,
  at: { itemId: number; locationId: number; place: string; unit: string },
): unknown {
  if (!isJxcError(error) || error.code !== "INSUFFICIENT_STOCK" || !readsStockBlind(held)) return error;
  const number = countedBinsOf(db, at.itemId, [at.locationId], countsUnderWay(db)).get(at.locationId);
  if (!number) return error;
  const { sku = "", requested = "" } = error.params;
  return new JxcError(
    "INSUFFICIENT_STOCK_COUNTING",
    { sku, requested: `${requested} ${at.unit}`, place: at.place, number },
    error.field,
  );
}

function leaveOutCountedBins(
  db: Db,
  itemId: number,
  stock: ItemStock,
  counts: readonly CountUnderWay[],
): ItemStock {
  const counted = countedBinsOf(
    db,
    itemId,
    stock.locations.map((l) => l.locationId),
    counts,
  );
  if (counted.size === 0) return stock;
  const hidden = (l: LocationStock, number: string): LocationStock => ({
    ...l,
    onHand: 0,
    reserved: 0,
    available: 0,
    countedIn: number,
  });
  const locations = stock.locations.map((l) => {
    const number = counted.get(l.locationId);
    return number ? hidden(l, number) : l;
  });
  // A bin emptied since its count began still shows as being counted, where it would sort.
  for (const [locationId, number] of counted) {
    if (locations.some((l) => l.locationId === locationId)) continue;
    const place = placeName(db, locationId);
    if (!place) continue;
    locations.push(
      hidden(
        {
          warehouseId: place.warehouseId,
          warehouseCode: place.warehouseCode,
          locationId,
          locationCode: place.locationCode,
          onHand: 0,
          reserved: 0,
          available: 0,
        },
        number,
      ),
    );
  }
  locations.sort(
    (a, b) => compareCodes(a.warehouseCode, b.warehouseCode) || compareCodes(a.locationCode, b.locationCode),
  );
  const onHand = locations.reduce((sum, l) => sum + l.onHand, 0);
  const reserved = locations.reduce((sum, l) => sum + l.reserved, 0);
  return {
    ...stock,
    locations,
    onHand,
    reserved,
    available: onHand - reserved,
    leftOut: { bins: counted.size, counts: [...new Set(counted.values())].sort() },
  };
}

const blindReads = preparedPerDb((db) => ({
  // stocktakes_status_idx: no row at all when nothing is being counted.
  counting: db.$client
    .prepare("select id, number, warehouse_id, scope, scope_label from stocktakes where status = 'counting'")
    .raw(),
  // stocktake_lines_place_idx (item_id, location_id) finds the item's lines on any count.
  linesOfItem: db.$client
    .prepare(
      `select l.stocktake_id, l.location_id from stocktake_lines l
         join stocktakes s on s.id = l.stocktake_id
        where l.item_id = ? and s.status = 'counting'`,
    )
    .raw(),
  zoneOf: db.$client.prepare("select zone from locations where id = ?").pluck(),
}));

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
