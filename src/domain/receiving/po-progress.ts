import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { purchaseOrders } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import { nextStatus, type PurchaseOrderStatus } from "../purchasing/states.ts";
import type { Tx } from "../stock/types.ts";
import { readReceivableLines } from "./open-lines.ts";

/**
 * After a return or an acceptance: a PO that no longer waits for anything (nothing owed on any
 * line) becomes received, as its last receipt would have made it; one on hold will resume to
 * received. Returns the PO's status now.
 */
export function settlePurchaseOrder(
  tx: Tx,
  db: Db,
  po: { id: number; number: string; status: PurchaseOrderStatus; heldFrom: PurchaseOrderStatus | null },
  actor: string,
  at: number,
): PurchaseOrderStatus {
  const complete = readReceivableLines(db, po.id).every((l) => l.open === 0);
  if (!complete) return po.status;
  if (po.status === "on_hold" && po.heldFrom === "partially_received") {
    tx.update(purchaseOrders)
      .set({ heldFrom: "received", updatedAt: at })
      .where(and(eq(purchaseOrders.id, po.id), eq(purchaseOrders.status, "on_hold")))
      .run();
    writeAudit(tx, {
      actor,
      action: "po.receive_all",
      entity: "purchase_order",
      entityId: po.number,
      before: { status: po.status, heldFrom: po.heldFrom },
      after: { status: po.status, heldFrom: "received" },
      at,
    });
    return po.status;
  }
  if (po.status !== "partially_received") return po.status;
  const status = nextStatus(po, "receive_all");
  tx.update(purchaseOrders)
    .set({ status, updatedAt: at })
    .where(and(eq(purchaseOrders.id, po.id), eq(purchaseOrders.status, po.status)))
    .run();
  writeAudit(tx, {
    actor,
    action: "po.receive_all",
    entity: "purchase_order",
    entityId: po.number,
    before: { status: po.status },
    after: { status },
    at,
  });
  return status;
}
