import type { Db } from "../../../db/client.ts";

/** The handle db.transaction passes; building blocks take it so they only ever run inside one. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Who, when and why for every move one operation writes; moves of one operation share batchId. */
export interface MoveContext {
  userId: string;
  at: number;
  batchId: string;
  docType?: string;
  docId?: number;
  note?: string;
}

/** Reasons a move brings stock in. */
export type ReceiveReason =
  | "receipt"
  | "opening"
  | "adjust_found"
  | "customer_return"
  | "adjust_count"
  | "adjust_other";

/** Reasons a move takes stock out. */
export type IssueReason =
  | "issue"
  | "supplier_return"
  | "adjust_damaged"
  | "adjust_lost"
  | "adjust_count"
  | "adjust_other";

/** One line coming into stock; value wins over unitCost, neither means "at the current unit cost". */
export interface ReceiveLine {
  itemId: number;
  locationId: number;
  qty: number;
  unitCost?: number;
  value?: number;
  lotId?: number;
  reason?: ReceiveReason;
}

/** One line going out of stock; its cost comes from the item's valuation method. */
export interface IssueLine {
  itemId: number;
  locationId: number;
  qty: number;
  lotId?: number;
  reason?: IssueReason;
}

/** A return that refers to the move it undoes, so it carries that move's unit cost. */
export interface ReturnLine {
  itemId: number;
  locationId: number;
  qty: number;
  originalMoveId: number;
  lotId?: number;
}
