import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";

/** A balance row that does not equal the sum of its ledger moves. */
export interface BalanceDifference {
  itemId: number;
  locationId: number;
  lotKey: number;
  ledgerOnHand: number;
  balanceOnHand: number;
}

/**
 * An item whose stored figures disagree with its ledger: the valuation row ("valuation"),
 * FIFO open layers ("layers"), or value left at zero stock / below zero ("value_at_zero_stock",
 * "negative_value"). stored* are the stored figures compared with the ledger's.
 */
export interface ValuationDifference {
  itemId: number;
  problem: "valuation" | "layers" | "value_at_zero_stock" | "negative_value";
  ledgerQty: number;
  ledgerValue: number;
  storedQty: number;
  storedValue: number;
}

/** Rebuilds balances and valuations from the ledger and lists every difference (empty = all agree). */
export function checkBalances(db: Db): {
  balanceDifferences: BalanceDifference[];
  valuationDifferences: ValuationDifference[];
} {
  const balanceDifferences = db.all<BalanceDifference>(sql`
    select item_id as itemId, location_id as locationId, lot_key as lotKey,
      sum(ledger) as ledgerOnHand, sum(stored) as balanceOnHand
    from (
      select item_id, location_id, coalesce(lot_id, 0) as lot_key, qty as ledger, 0 as stored from stock_moves
      union all
      select item_id, location_id, lot_key, 0, on_hand from stock_balances
    )
    group by item_id, location_id, lot_key
    having sum(ledger) <> sum(stored)
    order by item_id, location_id, lot_key`);
  return { balanceDifferences, valuationDifferences: findValuationDifferences(db) };
}

interface ItemFigures {
  itemId: number;
  fifo: number;
  ledgerQty: number;
  ledgerValue: number;
  storedQty: number;
  storedValue: number;
  layerQty: number;
  layerValue: number;
}

function findValuationDifferences(db: Db): ValuationDifference[] {
  const rows = db.all<ItemFigures>(sql`
    select f.item_id as itemId, i.valuation = 'fifo' as fifo,
      sum(f.lq) as ledgerQty, sum(f.lv) as ledgerValue, sum(f.sq) as storedQty, sum(f.sv) as storedValue,
      sum(f.cq) as layerQty, sum(f.cv) as layerValue
    from (
      select item_id, qty as lq, value as lv, 0 as sq, 0 as sv, 0 as cq, 0 as cv from stock_moves
      union all select item_id, 0, 0, qty, value, 0, 0 from item_valuations
      union all select item_id, 0, 0, 0, 0, qty_remaining, value_remaining from cost_layers
    ) f join items i on i.id = f.item_id
    group by f.item_id
    order by f.item_id`);
  return rows.flatMap((row) => itemProblems(row));
}

function itemProblems(row: ItemFigures): ValuationDifference[] {
  const ledger = { itemId: row.itemId, ledgerQty: row.ledgerQty, ledgerValue: row.ledgerValue };
  const stored = { storedQty: row.storedQty, storedValue: row.storedValue };
  const problems: ValuationDifference[] = [];
  if (row.ledgerQty !== row.storedQty || row.ledgerValue !== row.storedValue) {
    problems.push({ ...ledger, ...stored, problem: "valuation" });
  }
  // FIFO layers hold exactly the stock when there is any, and nothing at or below zero.
  const layersExpected =
    row.ledgerQty > 0 ? { qty: row.ledgerQty, value: row.ledgerValue } : { qty: 0, value: 0 };
  if (row.fifo && (row.layerQty !== layersExpected.qty || row.layerValue !== layersExpected.value)) {
    problems.push({ ...ledger, storedQty: row.layerQty, storedValue: row.layerValue, problem: "layers" });
  }
  if (row.ledgerQty === 0 && row.ledgerValue !== 0)
    problems.push({ ...ledger, ...stored, problem: "value_at_zero_stock" });
  if (row.ledgerQty > 0 && row.ledgerValue < 0)
    problems.push({ ...ledger, ...stored, problem: "negative_value" });
  return problems;
}
