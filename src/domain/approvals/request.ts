import { and, eq, inArray } from "drizzle-orm";
import { approvalExcludedDeciders, approvalRequests, approvalSteps } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import { emitEvent } from "../events.ts";
import type { Role } from "../roles.ts";
import type { Tx } from "../stock/types.ts";
import { type ApprovalDocType, readPolicy, requiredTiers } from "./policies.ts";

/** The document asking for approval, as its own operation describes it. */
export interface ApprovalSubject {
  docType: ApprovalDocType;
  docId: number;
  docNumber: string;
  /** Minor units; the policy's tiers compare its absolute value. */
  amount: number;
  requestedBy: string;
  /** Facts for the approver's card (item, qty, supplier, …), frozen now. */
  summary: Record<string, unknown>;
  /**
   * Others who took part in what is asked (counted a stocktake's waiting lines, received the
   * goods): like the requester they get no card and may not decide it.
   */
  excludedDeciders?: readonly string[];
}

/**
 * Opens an approval request for a document, inside the document's own transaction.
 * Returns null when the policy needs nobody (the caller goes straight on).
 */
export function requestApproval(
  tx: Tx,
  at: number,
  subject: ApprovalSubject,
): { requestId: number; roles: Role[] } | null {
  const roles = requiredTiers(readPolicy(tx, subject.docType), subject.amount);
  if (roles.length === 0) return null;
  const { excludedDeciders = [], ...document } = subject;
  const { id: requestId } = tx
    .insert(approvalRequests)
    .values({ ...document, status: "pending", createdAt: at })
    .returning({ id: approvalRequests.id })
    .get();
  const excluded = [...new Set(excludedDeciders)].filter((id) => id !== subject.requestedBy).sort();
  if (excluded.length > 0) {
    tx.insert(approvalExcludedDeciders)
      .values(excluded.map((userId) => ({ requestId, userId })))
      .run();
  }
  tx.insert(approvalSteps)
    .values(
      roles.map((role, index) => ({
        requestId,
        tier: index + 1,
        role,
        status: index === 0 ? ("pending" as const) : ("waiting" as const),
        activatedAt: index === 0 ? at : null,
      })),
    )
    .run();
  writeAudit(tx, {
    actor: subject.requestedBy,
    action: "approval.request",
    entity: subject.docType,
    entityId: subject.docNumber,
    after: { requestId, amount: subject.amount, roles, ...(excluded.length > 0 ? { excluded } : {}) },
    at,
  });
  const doc = { actor: subject.requestedBy, docType: subject.docType, docId: subject.docId };
  emitEvent(tx, { ...doc, type: "approval.requested", payload: { requestId } }, at);
  emitEvent(tx, { ...doc, type: "approval.step_opened", payload: { requestId, tier: 1 } }, at);
  return { requestId, roles };
}

/** Withdraws a document's open request (the document was cancelled); no-op when none is open. */
export function cancelApproval(
  tx: Tx,
  at: number,
  input: { docType: ApprovalDocType; docId: number; actor: string },
): void {
  const request = tx
    .select({ id: approvalRequests.id, docNumber: approvalRequests.docNumber })
    .from(approvalRequests)
    .where(
      and(
        eq(approvalRequests.docType, input.docType),
        eq(approvalRequests.docId, input.docId),
        eq(approvalRequests.status, "pending"),
      ),
    )
    .get();
  if (!request) return;
  tx.update(approvalRequests)
    .set({ status: "cancelled", decidedAt: at })
    .where(eq(approvalRequests.id, request.id))
    .run();
  tx.update(approvalSteps)
    .set({ status: "cancelled" })
    .where(
      and(eq(approvalSteps.requestId, request.id), inArray(approvalSteps.status, ["pending", "waiting"])),
    )
    .run();
  writeAudit(tx, {
    actor: input.actor,
    action: "approval.cancel",
    entity: input.docType,
    entityId: request.docNumber,
    at,
  });
  emitEvent(
    tx,
    {
      type: "approval.cancelled",
      actor: input.actor,
      docType: input.docType,
      docId: input.docId,
      payload: { requestId: request.id },
    },
    at,
  );
}
