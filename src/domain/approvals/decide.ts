import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { approvalRequests, approvalSteps } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { isRole } from "../roles.ts";
import type { Tx } from "../stock/types.ts";
import { authorityToDecide, barredFrom } from "./eligibility.ts";
import { approvalOutcomes } from "./outcomes.ts";
import { isApprovalDocType } from "./policies.ts";

/** One approver's verdict on one tier, as clicked. */
export interface Decision {
  requestId: number;
  tier: number;
  userId: string;
  verdict: "approve" | "reject";
  reason?: string;
  /** Today in the company time zone (delegations are by day). */
  day: string;
}

/** What the decision led to: the request still pending (next tier), approved or rejected. */
export interface DecisionResult {
  docNumber: string;
  requestStatus: "pending" | "approved" | "rejected";
  nextTier: number | null;
}

const maxReasonLength = 500;

/**
 * Applies a decision in one transaction: checked against the step's state so a double
 * click, a race or a stale card changes nothing and says who already decided.
 */
export function decideApproval(db: Db, clock: Clock, decision: Decision): DecisionResult {
  const reason = decision.reason?.trim();
  if (decision.verdict === "reject" && !reason) {
    throw new JxcError("INVALID_INPUT", { problem: "empty" }, "reason");
  }
  if (reason && reason.length > maxReasonLength) {
    throw new JxcError("INVALID_INPUT", { problem: "too_long" }, "reason");
  }
  return db.transaction(
    (tx) => {
      const at = clock.now();
      const { request, step } = readOpenStep(tx, decision);
      if (!isRole(step.role) || !isApprovalDocType(request.docType)) throw new JxcError("STALE_ACTION");
      const approver = authorityToDecide(tx, {
        userId: decision.userId,
        role: step.role,
        barred: barredFrom(tx, request),
        day: decision.day,
      });
      const status = decision.verdict === "approve" ? ("approved" as const) : ("rejected" as const);
      tx.update(approvalSteps)
        .set({
          status,
          decidedBy: approver.userId,
          onBehalfOf: approver.onBehalfOf,
          decidedAt: at,
          reason: reason ?? null,
        })
        .where(and(eq(approvalSteps.requestId, request.id), eq(approvalSteps.tier, step.tier)))
        .run();
      writeAudit(tx, {
        actor: approver.userId,
        action: `approval.${decision.verdict}`,
        entity: request.docType,
        entityId: request.docNumber,
        before: { tier: step.tier, status: "pending" },
        after: { tier: step.tier, status, onBehalfOf: approver.onBehalfOf, reason: reason ?? null },
        at,
      });
      const doc = { actor: approver.userId, docType: request.docType, docId: request.docId };
      const payload = { requestId: request.id, tier: step.tier };
      const outcome = approvalOutcomes[request.docType];
      if (status === "rejected") {
        closeRequest(tx, request.id, "rejected", at);
        emitEvent(tx, { ...doc, type: "approval.rejected", payload }, at);
        outcome?.rejected(tx, { at, actor: approver.userId, docId: request.docId, day: decision.day });
        return { docNumber: request.docNumber, requestStatus: "rejected", nextTier: null };
      }
      const nextTier = openNextTier(tx, request.id, step.tier, at);
      if (nextTier !== null) {
        emitEvent(tx, { ...doc, type: "approval.step_approved", payload }, at);
        emitEvent(
          tx,
          { ...doc, type: "approval.step_opened", payload: { requestId: request.id, tier: nextTier } },
          at,
        );
        return { docNumber: request.docNumber, requestStatus: "pending", nextTier };
      }
      closeRequest(tx, request.id, "approved", at);
      emitEvent(tx, { ...doc, type: "approval.approved", payload }, at);
      outcome?.approved(tx, { at, actor: approver.userId, docId: request.docId, day: decision.day });
      return { docNumber: request.docNumber, requestStatus: "approved", nextTier: null };
    },
    { behavior: "immediate" },
  );
}

/**
 * Refuses, before a reason is asked for, someone who could not decide the step now (their own
 * request, one they took part in, no authority, already decided): the same checks as the decision.
 */
export function requireMayDecide(
  db: Db,
  input: Pick<Decision, "requestId" | "tier" | "userId" | "day">,
): void {
  const { request, step } = readOpenStep(db, input);
  if (!isRole(step.role)) throw new JxcError("STALE_ACTION");
  authorityToDecide(db, {
    userId: input.userId,
    role: step.role,
    barred: barredFrom(db, request),
    day: input.day,
  });
}

function readOpenStep(tx: Pick<Tx, "select">, decision: Pick<Decision, "requestId" | "tier">) {
  const request = tx
    .select({
      id: approvalRequests.id,
      docType: approvalRequests.docType,
      docId: approvalRequests.docId,
      docNumber: approvalRequests.docNumber,
      requestedBy: approvalRequests.requestedBy,
      status: approvalRequests.status,
    })
    .from(approvalRequests)
    .where(eq(approvalRequests.id, decision.requestId))
    .get();
  if (!request) throw new JxcError("STALE_ACTION");
  const step = tx
    .select({
      tier: approvalSteps.tier,
      role: approvalSteps.role,
      status: approvalSteps.status,
      decidedBy: approvalSteps.decidedBy,
    })
    .from(approvalSteps)
    .where(and(eq(approvalSteps.requestId, request.id), eq(approvalSteps.tier, decision.tier)))
    .get();
  if (!step) throw new JxcError("STALE_ACTION");
  if (step.status === "approved" || step.status === "rejected") {
    throw new JxcError("ALREADY_DECIDED", { by: step.decidedBy ?? "", verdict: step.status });
  }
  if (request.status === "rejected") {
    const rejecter = tx
      .select({ decidedBy: approvalSteps.decidedBy })
      .from(approvalSteps)
      .where(and(eq(approvalSteps.requestId, request.id), eq(approvalSteps.status, "rejected")))
      .get();
    throw new JxcError("ALREADY_DECIDED", { by: rejecter?.decidedBy ?? "", verdict: "rejected" });
  }
  if (request.status !== "pending" || step.status !== "pending") throw new JxcError("STALE_ACTION");
  return { request, step };
}

function openNextTier(tx: Tx, requestId: number, tier: number, at: number): number | null {
  const next = tx
    .update(approvalSteps)
    .set({ status: "pending", activatedAt: at })
    .where(
      and(
        eq(approvalSteps.requestId, requestId),
        eq(approvalSteps.tier, tier + 1),
        eq(approvalSteps.status, "waiting"),
      ),
    )
    .returning({ tier: approvalSteps.tier })
    .get();
  return next?.tier ?? null;
}

function closeRequest(tx: Tx, requestId: number, status: "approved" | "rejected", at: number): void {
  tx.update(approvalRequests).set({ status, decidedAt: at }).where(eq(approvalRequests.id, requestId)).run();
  if (status === "rejected") {
    tx.update(approvalSteps)
      .set({ status: "cancelled" })
      .where(and(eq(approvalSteps.requestId, requestId), eq(approvalSteps.status, "waiting")))
      .run();
  }
}
