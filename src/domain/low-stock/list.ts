import type { Db } from "../../../db/client.ts";
import { type LowStockFigures, readLowItems } from "./figures.ts";

/** One line of the low-stock list, with what a reader needs to recognise and order the item. */
export interface LowStockLine extends LowStockFigures {
  sku: string;
  name: string;
  nameZh: string | null;
  baseUnit: string;
  supplierCode: string | null;
}

/** Items at or below their reorder point now: the first `limit`, most urgent first, and the counts. */
export interface LowStockList {
  /** Low and not snoozed. */
  total: number;
  /** Low but snoozed now (left out of `lines`). */
  snoozed: number;
  lines: LowStockLine[];
}

/**
 * The list the morning digest and `/jxc lowstock` show: every active item whose projected stock
 * is at or below its reorder point, snoozed ones counted apart. Figures come from one statement
 * over the items that have a reorder point; names only for the lines shown.
 */
export function listLowStock(db: Db, now: number, limit: number): LowStockList {
  const low = readLowItems(db);
  const awake = low.filter((f) => f.snoozedUntil === null || f.snoozedUntil <= now);
  const shown = awake.slice(0, limit);
  type Named = Pick<LowStockLine, "sku" | "name" | "nameZh" | "baseUnit" | "supplierCode">;
  const names = new Map<number, Named>();
  if (shown.length > 0) {
    const rows = db.$client
      .prepare(
        `select i.id, i.sku, i.name, i.name_zh, i.base_unit, s.code from items i
           left join suppliers s on s.id = i.default_supplier_id
          where i.id in (select value from json_each(?))`,
      )
      .raw()
      .all(JSON.stringify(shown.map((f) => f.itemId))) as [
      number,
      string,
      string,
      string | null,
      string,
      string | null,
    ][];
    for (const [id, sku, name, nameZh, baseUnit, supplierCode] of rows)
      names.set(id, { sku, name, nameZh, baseUnit, supplierCode });
  }
  const unnamed: Named = { sku: "", name: "", nameZh: null, baseUnit: "", supplierCode: null };
  const lines = shown.map(
    ({ snoozedUntil: _snoozed, ...figures }): LowStockLine => ({
      ...figures,
      ...(names.get(figures.itemId) ?? unnamed),
    }),
  );
  return { total: awake.length, snoozed: low.length - awake.length, lines };
}
