import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { barredFrom, holdersOf } from "../approvals/eligibility.ts";
import { JxcError } from "../errors.ts";
import { isRole, type Role } from "../roles.ts";

/** A receipt of a PO that waits for approval (over the tolerance), and who is to decide it. */
export interface WaitingReceipt {
  id: number;
  number: string;
  role: Role | null;
  /** Holders of that role who may decide it (not the receiver, nor anyone else it excludes). */
  people: string[];
}

/** The oldest receipt of a PO still waiting for approval, if any: one indexed read when none. */
export function readWaitingReceipt(db: Db, purchaseOrderId: number): WaitingReceipt | undefined {
  const reads = waitingReads(db);
  const receipt = reads.waiting.get(purchaseOrderId) as [number, string] | undefined;
  if (!receipt) return undefined;
  const [id, number] = receipt;
  const step = reads.openStep.get(id) as [number, string, string] | undefined;
  if (!step || !isRole(step[2])) return { id, number, role: null, people: [] };
  const [requestId, requestedBy, role] = step;
  const barred = barredFrom(db, { id: requestId, requestedBy });
  const people = holdersOf(db, role).filter((u) => u !== requestedBy && !barred.excluded.has(u));
  return { id, number, role, people: people.sort() };
}

/**
 * While a receipt of a PO waits for approval nothing else may settle its lines: not another
 * receipt (`receive`), nor rejects accepted anyway or returned (`settle`). Otherwise the PO could
 * be received in full behind the approver's back, and the card they approve would no longer say
 * what posting it does. The refusal names the waiting GR and who must decide it.
 */
export function requireNoWaitingReceipt(
  db: Db,
  po: { id: number; number: string },
  action: "receive" | "settle",
): void {
  const waiting = readWaitingReceipt(db, po.id);
  if (!waiting) return;
  throw new JxcError("RECEIPT_WAITING", {
    number: po.number,
    receipt: waiting.number,
    role: waiting.role ?? "",
    people: waiting.people.join(","),
    action,
  });
}

const waitingReads = preparedPerDb((db) => ({
  // goods_receipts_po_idx: a PO's few receipts.
  waiting: db.$client
    .prepare(
      `select id, number from goods_receipts
        where purchase_order_id = ? and status = 'pending_approval' order by id limit 1`,
    )
    .raw(),
  openStep: db.$client
    .prepare(
      `select r.id, r.requested_by, s.role from approval_requests r
         join approval_steps s on s.request_id = r.id and s.status = 'pending'
        where r.doc_type = 'goods_receipt' and r.doc_id = ? and r.status = 'pending'
        order by s.tier limit 1`,
    )
    .raw(),
}));
