import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { stockAdjustments } from "../../../db/schema.ts";
import { cancelApproval } from "../approvals/request.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";

/** Withdraws an ADJ still waiting for approval; only its requester may. Nothing has moved yet. */
export function cancelAdjustment(
  db: Db,
  clock: Clock,
  input: { id: number; userId: string },
): { number: string } {
  return db.transaction(
    (tx) => {
      const at = clock.now();
      const row = tx.select().from(stockAdjustments).where(eq(stockAdjustments.id, input.id)).get();
      if (!row) throw new JxcError("STALE_ACTION");
      if (row.requestedBy !== input.userId) throw new JxcError("NOT_ALLOWED", { roles: "" });
      if (row.status !== "pending") throw new JxcError("ALREADY_DECIDED", { verdict: row.status });
      tx.update(stockAdjustments).set({ status: "cancelled" }).where(eq(stockAdjustments.id, row.id)).run();
      writeAudit(tx, {
        actor: input.userId,
        action: "adjustment.cancel",
        entity: "stock_adjustment",
        entityId: row.number,
        at,
      });
      cancelApproval(tx, at, { docType: "stock_adjustment", docId: row.id, actor: input.userId });
      return { number: row.number };
    },
    { behavior: "immediate" },
  );
}
