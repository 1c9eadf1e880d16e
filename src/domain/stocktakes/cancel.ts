import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { stocktakes } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { requireCounting } from "./count.ts";

/**
 * Cancels a count still being counted: nothing was posted, and its bins are free to count
 * again. Its starter may; anyone else needs `mayCancelAny` (a supervisor or an admin).
 */
export function cancelStocktake(
  db: Db,
  clock: Clock,
  input: { stocktakeId: number; userId: string; mayCancelAny: boolean },
): { number: string } {
  return db.transaction(
    (tx) => {
      const at = clock.now();
      const header = requireCounting(tx, input.stocktakeId);
      if (header.startedBy !== input.userId && !input.mayCancelAny) {
        throw new JxcError("NOT_ALLOWED", { roles: "admin,warehouse_supervisor" });
      }
      tx.update(stocktakes)
        .set({ status: "cancelled", closedAt: at })
        .where(eq(stocktakes.id, header.id))
        .run();
      writeAudit(tx, {
        actor: input.userId,
        action: "stocktake.cancel",
        entity: "stocktake",
        entityId: header.number,
        before: { status: "counting" },
        after: { status: "cancelled" },
        at,
      });
      emitEvent(
        tx,
        {
          type: "stocktake.cancelled",
          actor: input.userId,
          docType: "stocktake",
          docId: header.id,
          payload: { number: header.number, owner: header.startedBy },
        },
        at,
      );
      return { number: header.number };
    },
    { behavior: "immediate" },
  );
}
