import { and, eq, isNull, max, ne, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { costLayers, stockMoves } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { postMove, requireStockToTake, startBatch } from "./ledger.ts";
import { requireItem, requireLocation, type StockItem } from "./lookups.ts";
import { shareStatements } from "./statements.ts";
import type { MoveContext, Tx } from "./types.ts";
import { multiplyMoney, requireBalanceQuantity } from "./validate.ts";
import { addReceiptValue, readValuation, takeIssueCost, writeValuation } from "./valuation.ts";

/** The opening balance (期初) of an item at a location, as an import file states it. */
export interface OpeningStockInput {
  itemId: number;
  locationId: number;
  qty: number;
  unitCost: number;
  userId: string;
}

interface Figures {
  qty: number;
  value: number;
}

/**
 * Sets (not adds) the opening balance of item × location, so re-importing a file changes
 * nothing. A difference is posted as an "opening" move. Before any other move of the item
 * the valuation (and FIFO layers) are rebuilt exactly from the openings; once trading has
 * started, units are added or removed at the new unit cost / by the costing method, and a
 * "revalue" move books what cannot be re-priced retroactively.
 */
export function setOpeningStock(db: Db, clock: Clock, input: OpeningStockInput): { changed: boolean } {
  const qty = requireBalanceQuantity(input.qty);
  const target = { qty, value: multiplyMoney(input.unitCost, qty, "unitCost") };
  return db.transaction(
    (tx) => {
      shareStatements(db, tx);
      const item = requireItem(tx, input.itemId);
      requireLocation(tx, input.locationId);
      const existing = sumOpening(tx, item.id, input.locationId);
      if (existing.qty === target.qty && existing.value === target.value) return { changed: false };
      const ctx = startBatch(clock, input.userId);
      const diff = { qty: target.qty - existing.qty, value: target.value - existing.value };
      if (hasOnlyOpeningMoves(tx, item.id)) rebuildFromOpenings(tx, ctx, item, input.locationId, diff);
      else postOpeningAfterTrading(tx, ctx, item, input.locationId, { diff, unitCost: input.unitCost });
      writeAudit(tx, {
        actor: input.userId,
        action: "stock.opening",
        entity: "item",
        entityId: item.sku,
        before: { locationId: input.locationId, ...existing },
        after: { locationId: input.locationId, ...target },
        at: ctx.at,
      });
      return { changed: true };
    },
    { behavior: "immediate" },
  );
}

// Openings set here carry no lot; the sum is what the import file last said.
function sumOpening(tx: Tx, itemId: number, locationId: number): Figures {
  const row = tx
    .select({
      qty: sql<number>`coalesce(sum(${stockMoves.qty}), 0)`.mapWith(Number),
      value: sql<number>`coalesce(sum(${stockMoves.value}), 0)`.mapWith(Number),
    })
    .from(stockMoves)
    .where(
      and(
        eq(stockMoves.itemId, itemId),
        eq(stockMoves.locationId, locationId),
        eq(stockMoves.reason, "opening"),
        isNull(stockMoves.lotId),
      ),
    )
    .get();
  return { qty: row?.qty ?? 0, value: row?.value ?? 0 };
}

function hasOnlyOpeningMoves(tx: Tx, itemId: number): boolean {
  const other = tx
    .select({ id: stockMoves.id })
    .from(stockMoves)
    .where(and(eq(stockMoves.itemId, itemId), ne(stockMoves.reason, "opening")))
    .limit(1)
    .get();
  return other === undefined;
}

// Nothing but openings so far: the valuation is exactly their sum, FIFO one layer per location.
function rebuildFromOpenings(
  tx: Tx,
  ctx: MoveContext,
  item: StockItem,
  locationId: number,
  diff: Figures,
): void {
  postMove(tx, ctx, {
    itemId: item.id,
    locationId,
    lotKey: 0,
    qty: diff.qty,
    value: diff.value,
    reason: "opening",
  });
  const state = readValuation(tx, item.id);
  writeValuation(tx, item.id, { qty: state.qty + diff.qty, value: state.value + diff.value });
  if (item.valuation !== "fifo") return;
  tx.delete(costLayers).where(eq(costLayers.itemId, item.id)).run();
  const perLocation = tx
    .select({
      qty: sql<number>`sum(${stockMoves.qty})`.mapWith(Number),
      value: sql<number>`sum(${stockMoves.value})`.mapWith(Number),
      sourceMoveId: max(stockMoves.id),
    })
    .from(stockMoves)
    .where(eq(stockMoves.itemId, item.id))
    .groupBy(stockMoves.locationId)
    .having(sql`sum(${stockMoves.qty}) > 0`)
    .orderBy(stockMoves.locationId)
    .all();
  for (const layer of perLocation) {
    tx.insert(costLayers)
      .values({
        itemId: item.id,
        sourceMoveId: layer.sourceMoveId,
        qtyRemaining: layer.qty,
        valueRemaining: layer.value,
        at: ctx.at,
      })
      .run();
  }
}

// After trading: the opening move keeps the exact difference (so a re-import matches), the
// costing method decides what the valuation gains or loses, and a revalue move books the gap.
function postOpeningAfterTrading(
  tx: Tx,
  ctx: MoveContext,
  item: StockItem,
  locationId: number,
  change: { diff: Figures; unitCost: number },
): void {
  const { diff } = change;
  const key = { itemId: item.id, locationId, lotKey: 0 };
  if (diff.qty < 0) requireStockToTake(tx, item.sku, key, -diff.qty);
  const cost = diff.qty < 0 ? takeIssueCost(tx, item, -diff.qty) : 0;
  const moveId = postMove(tx, ctx, { ...key, qty: diff.qty, value: diff.value, reason: "opening" });
  let effect = -cost;
  if (diff.qty > 0) {
    const value = multiplyMoney(change.unitCost, diff.qty, "unitCost");
    effect = value + addReceiptValue(tx, item, { qty: diff.qty, value, sourceMoveId: moveId, at: ctx.at });
  }
  if (effect !== diff.value)
    postMove(tx, ctx, { ...key, qty: 0, value: effect - diff.value, reason: "revalue" });
}
