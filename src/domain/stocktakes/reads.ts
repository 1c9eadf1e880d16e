import { and, asc, count, desc, eq, gt, inArray, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { items, locations, stocktakeLines, stocktakes, warehouses } from "../../../db/schema.ts";
import type { StocktakeLinePosting } from "../../../db/tables/stocktakes.ts";

type Reader = Pick<Db, "select">;

/** A count's header as people read it, with its progress. */
export type StocktakeView = typeof stocktakes.$inferSelect & {
  warehouseCode: string;
  total: number;
  counted: number;
};

/**
 * One line of the blind count sheet: where, what, and the keeper's own count so far. There is
 * deliberately no system quantity here: the sheet cannot show what it never reads.
 */
export interface CountSheetLine {
  id: number;
  lineNo: number;
  bin: string;
  sku: string;
  name: string;
  nameZh: string | null;
  baseUnit: string;
  purchaseUnit: string | null;
  purchaseUnitFactor: number | null;
  salesUnit: string | null;
  salesUnitFactor: number | null;
  countedQty: number | null;
}

/** A finished line for the variance report: snapshot, moves during the count, expected, counted. */
export interface VarianceLineView {
  lineNo: number;
  bin: string;
  sku: string;
  name: string;
  nameZh: string | null;
  unit: string;
  snapshotQty: number;
  movedQty: number;
  expectedQty: number;
  countedQty: number;
  varianceQty: number;
  varianceValue: number;
  posting: StocktakeLinePosting;
  postedValue: number | null;
}

function readHeaders(db: Reader, where: SQL | undefined, limit = 1): StocktakeView[] {
  // Correlated counts use the (stocktake_id, line_no) index; years of old lines are never scanned.
  const lines = sql`select count(*) from stocktake_lines l where l.stocktake_id = ${stocktakes.id}`;
  const countedLines = sql`select count(l.counted_qty) from stocktake_lines l where l.stocktake_id = ${stocktakes.id}`;
  return db
    .select({
      header: stocktakes,
      warehouseCode: warehouses.code,
      total: sql<number>`(${lines})`.mapWith(Number),
      counted: sql<number>`(${countedLines})`.mapWith(Number),
    })
    .from(stocktakes)
    .innerJoin(warehouses, eq(warehouses.id, stocktakes.warehouseId))
    .where(where)
    .orderBy(desc(stocktakes.id))
    .limit(limit)
    .all()
    .map((row) => ({
      ...row.header,
      warehouseCode: row.warehouseCode,
      total: row.total,
      counted: row.counted,
    }));
}

/** One count by id. */
export function readStocktake(db: Reader, id: number): StocktakeView | undefined {
  return readHeaders(db, eq(stocktakes.id, id))[0];
}

/** One count by its number (CNT-000001), as typed in any case. */
export function findStocktake(db: Reader, number: string): StocktakeView | undefined {
  return readHeaders(db, eq(stocktakes.number, number.toUpperCase()))[0];
}

/** Counts still being counted or waiting for approval, newest first. */
export function listOpenStocktakes(db: Reader, limit: number): StocktakeView[] {
  return readHeaders(db, inArray(stocktakes.status, ["counting", "pending_approval"]), limit);
}

/** Up to `size` lines of the blind sheet after line `afterLineNo`, in walking order. */
export function readCountSheet(
  db: Reader,
  stocktakeId: number,
  afterLineNo: number,
  size: number,
): CountSheetLine[] {
  return db
    .select({
      id: stocktakeLines.id,
      lineNo: stocktakeLines.lineNo,
      bin: locations.code,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      baseUnit: items.baseUnit,
      purchaseUnit: items.purchaseUnit,
      purchaseUnitFactor: items.purchaseUnitFactor,
      salesUnit: items.salesUnit,
      salesUnitFactor: items.salesUnitFactor,
      countedQty: stocktakeLines.countedQty,
    })
    .from(stocktakeLines)
    .innerJoin(items, eq(items.id, stocktakeLines.itemId))
    .innerJoin(locations, eq(locations.id, stocktakeLines.locationId))
    .where(and(eq(stocktakeLines.stocktakeId, stocktakeId), gt(stocktakeLines.lineNo, afterLineNo)))
    .orderBy(asc(stocktakeLines.lineNo))
    .limit(size)
    .all();
}

/** The first line nobody has counted yet, if any. */
export function firstUncountedLine(
  db: Reader,
  stocktakeId: number,
): { lineNo: number; bin: string } | undefined {
  return db
    .select({ lineNo: stocktakeLines.lineNo, bin: locations.code })
    .from(stocktakeLines)
    .innerJoin(locations, eq(locations.id, stocktakeLines.locationId))
    .where(and(eq(stocktakeLines.stocktakeId, stocktakeId), isNull(stocktakeLines.countedQty)))
    .orderBy(asc(stocktakeLines.lineNo))
    .limit(1)
    .get();
}

/** The first line in a bin (code in any case), where a recount of that bin starts. */
export function firstLineInBin(db: Reader, stocktakeId: number, binCode: string): number | undefined {
  return db
    .select({ lineNo: stocktakeLines.lineNo })
    .from(stocktakeLines)
    .innerJoin(locations, eq(locations.id, stocktakeLines.locationId))
    .where(
      and(
        eq(stocktakeLines.stocktakeId, stocktakeId),
        sql`${locations.code} = ${binCode.trim()} collate nocase`,
      ),
    )
    .orderBy(asc(stocktakeLines.lineNo))
    .limit(1)
    .get()?.lineNo;
}

/**
 * The finished lines that differ (or, with `posting`, only those in that state), largest value
 * first: what a variance report and an approval card show.
 */
export function readVarianceLines(
  db: Reader,
  stocktakeId: number,
  options: { posting?: StocktakeLinePosting; limit: number },
): VarianceLineView[] {
  const rows = db
    .select({
      lineNo: stocktakeLines.lineNo,
      bin: locations.code,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      snapshotQty: stocktakeLines.snapshotQty,
      movedQty: stocktakeLines.movedQty,
      expectedQty: stocktakeLines.expectedQty,
      countedQty: stocktakeLines.countedQty,
      varianceQty: stocktakeLines.varianceQty,
      varianceValue: stocktakeLines.varianceValue,
      posting: stocktakeLines.posting,
      postedValue: stocktakeLines.postedValue,
    })
    .from(stocktakeLines)
    .innerJoin(items, eq(items.id, stocktakeLines.itemId))
    .innerJoin(locations, eq(locations.id, stocktakeLines.locationId))
    .where(
      and(
        eq(stocktakeLines.stocktakeId, stocktakeId),
        options.posting ? eq(stocktakeLines.posting, options.posting) : ne(stocktakeLines.varianceQty, 0),
      ),
    )
    .orderBy(
      desc(sql`abs(${stocktakeLines.varianceValue})`),
      desc(sql`abs(${stocktakeLines.varianceQty})`),
      asc(stocktakeLines.lineNo),
    )
    .limit(options.limit)
    .all();
  return rows.map((row) => ({
    ...row,
    movedQty: row.movedQty ?? 0,
    expectedQty: row.expectedQty ?? row.snapshotQty,
    countedQty: row.countedQty ?? 0,
    varianceQty: row.varianceQty ?? 0,
    varianceValue: row.varianceValue ?? 0,
  }));
}

/** How many finished lines differ, by what became of them (posted, pending, rejected). */
export function countVarianceLines(db: Reader, stocktakeId: number): number {
  return (
    db
      .select({ n: count() })
      .from(stocktakeLines)
      .where(and(eq(stocktakeLines.stocktakeId, stocktakeId), ne(stocktakeLines.varianceQty, 0)))
      .get()?.n ?? 0
  );
}
