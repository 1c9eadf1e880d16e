// The stock ledger's public face: documents and commands import from here.
export {
  type AdjustReason,
  type AdjustStockInput,
  adjustStock,
  checkAdjustment,
  postAdjustment,
} from "./adjust.ts";
export { type BalanceDifference, checkBalances, type ValuationDifference } from "./check.ts";
export {
  availableByItem,
  availableQty,
  getItemStock,
  type ItemStock,
  type LocationStock,
} from "./item-stock.ts";
export { issueStock, receiveStock, returnFromCustomer, returnToSupplier } from "./moves.ts";
export { type OpeningStockInput, setOpeningStock } from "./opening.ts";
export { type ReservationInput, releaseReservation, reserveStock } from "./reserve.ts";
export { type TransferStockInput, transferStock } from "./transfer.ts";
export type {
  IssueLine,
  IssueReason,
  MoveContext,
  ReceiveLine,
  ReceiveReason,
  ReturnLine,
  Tx,
} from "./types.ts";
