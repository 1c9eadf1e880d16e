import { and, eq } from "drizzle-orm";
import { stockAdjustments } from "../../../db/schema.ts";
import type { ApprovalOutcome } from "../approvals/outcomes.ts";
import { writeAudit } from "../audit.ts";
import { postAdjustmentDocument } from "./post.ts";

/** An approved ADJ moves stock now; a rejected one never does. */
export const adjustmentOutcome: ApprovalOutcome = {
  approved: (tx, ctx) => postAdjustmentDocument(tx, ctx),
  rejected: (tx, ctx) => {
    const row = tx
      .update(stockAdjustments)
      .set({ status: "rejected" })
      .where(and(eq(stockAdjustments.id, ctx.docId), eq(stockAdjustments.status, "pending")))
      .returning({ number: stockAdjustments.number })
      .get();
    if (row) {
      writeAudit(tx, {
        actor: ctx.actor,
        action: "adjustment.reject",
        entity: "stock_adjustment",
        entityId: row.number,
        at: ctx.at,
      });
    }
  },
};
