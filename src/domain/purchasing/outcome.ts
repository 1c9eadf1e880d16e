import type { ApprovalOutcome } from "../approvals/outcomes.ts";
import { applyApprovalVerdict } from "./purchase-order-moves.ts";

/** An approved PO becomes the contract (ready to send); a rejected one goes back to draft. */
export const purchaseOrderOutcome: ApprovalOutcome = {
  approved: (tx, ctx) => applyApprovalVerdict(tx, ctx, "approve"),
  rejected: (tx, ctx) => applyApprovalVerdict(tx, ctx, "reject"),
};
