import { randomUUID } from "node:crypto";
import type { MoveReason } from "../../../db/tables/stock.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { allowsNegativeStock } from "./lookups.ts";
import { type Handle, stockStatements } from "./statements.ts";
import type { MoveContext, Tx } from "./types.ts";

/** Where a balance lives: item × location × lot (0 = no lot). */
export interface BalanceKey {
  itemId: number;
  locationId: number;
  lotKey: number;
}

/** One ledger row as the operations describe it; qty and value are signed. */
export interface MoveRow extends BalanceKey {
  qty: number;
  value: number;
  reason: MoveReason;
}

/** A fresh context for one whole operation: its moves share a batch id and a time. */
export function startBatch(clock: Clock, userId: string, note?: string): MoveContext {
  return { userId, at: clock.now(), batchId: randomUUID(), ...(note === undefined ? {} : { note }) };
}

/** Appends a move to the ledger and applies its qty to the balance, together as the rules require. */
export function postMove(tx: Tx, ctx: MoveContext, row: MoveRow): number {
  const inserted = stockStatements(tx)
    .insertMove()
    .get({
      itemId: row.itemId,
      locationId: row.locationId,
      lotId: row.lotKey === 0 ? null : row.lotKey,
      qty: row.qty,
      value: row.value,
      reason: row.reason,
      batchId: ctx.batchId,
      docType: ctx.docType ?? null,
      docId: ctx.docId ?? null,
      note: ctx.note ?? null,
      userId: ctx.userId,
      at: ctx.at,
    });
  if (row.qty !== 0) changeBalance(tx, row, { onHand: row.qty, reserved: 0 });
  return inserted.id;
}

/** Adds to the on-hand and reserved figures of one balance row. */
export function changeBalance(tx: Tx, key: BalanceKey, delta: { onHand: number; reserved: number }): void {
  stockStatements(tx)
    .changeBalance()
    .run({ itemId: key.itemId, locationId: key.locationId, lotKey: key.lotKey, ...delta });
}

/** On hand of one balance row (what an issue may take without going negative). */
export function readOnHand(db: Handle, key: BalanceKey): number {
  return (
    stockStatements(db)
      .onHand()
      .get({ ...key })?.onHand ?? 0
  );
}

/** On hand and reserved of an item at a location, all lots together. */
export function readLocationTotals(db: Handle, itemId: number, locationId: number) {
  return stockStatements(db).locationTotals().get({ itemId, locationId }) ?? { onHand: 0, reserved: 0 };
}

/** Refuses to take more than is on hand at a location (lot) unless the company allows negative stock. */
export function requireStockToTake(db: Handle, sku: string, key: BalanceKey, qty: number): void {
  const available = readOnHand(db, key);
  if (available < qty && !allowsNegativeStock(db)) {
    throw new JxcError("INSUFFICIENT_STOCK", { sku, available, requested: qty }, "qty");
  }
}
