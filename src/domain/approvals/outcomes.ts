import { adjustmentOutcome } from "../adjustments/outcome.ts";
import { purchaseOrderOutcome } from "../purchasing/outcome.ts";
import { receiptOutcome } from "../receiving/receipt-approval.ts";
import type { Tx } from "../stock/types.ts";
import { stocktakeOutcome } from "../stocktakes/outcome.ts";
import type { ApprovalDocType } from "./policies.ts";

/** When and by whom a request was finally decided. */
export interface OutcomeContext {
  at: number;
  actor: string;
  docId: number;
  /** The company day of the decision (what monthly figures count by). */
  day: string;
}

/** What a document does once its approval is decided, inside the deciding transaction. */
export interface ApprovalOutcome {
  approved(tx: Tx, ctx: OutcomeContext): void;
  rejected(tx: Tx, ctx: OutcomeContext): void;
}

/** Documents that can be decided so far; a type joins when its document exists. */
export const approvalOutcomes: Partial<Record<ApprovalDocType, ApprovalOutcome>> = {
  stock_adjustment: adjustmentOutcome,
  purchase_order: purchaseOrderOutcome,
  stocktake: stocktakeOutcome,
  goods_receipt: receiptOutcome,
};
