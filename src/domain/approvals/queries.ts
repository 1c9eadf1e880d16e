import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { approvalRequests, approvalSteps } from "../../../db/schema.ts";
import { isRole, type Role } from "../roles.ts";
import type { Handle } from "../stock/statements.ts";
import { type BarredDeciders, eligibleApprovers, excludedDecidersOf } from "./eligibility.ts";

/** One tier of a request as a card shows it. */
export interface StepView {
  tier: number;
  role: Role;
  status: "waiting" | "pending" | "approved" | "rejected" | "cancelled";
  decidedBy: string | null;
  onBehalfOf: string | null;
  decidedAt: number | null;
  reason: string | null;
  activatedAt: number | null;
}

/** A request with all its tiers: what every card and list renders from. */
export interface ApprovalView {
  id: number;
  docType: string;
  docId: number;
  docNumber: string;
  amount: number;
  requestedBy: string;
  status: "pending" | "approved" | "rejected" | "cancelled";
  summary: Record<string, unknown>;
  createdAt: number;
  decidedAt: number | null;
  steps: StepView[];
  /** Besides the requester, who may not decide it (they took part). */
  excludedDeciders: string[];
}

/** A request by id, with its tiers in order; undefined when unknown. */
export function readApproval(db: Handle, requestId: number): ApprovalView | undefined {
  const request = db.select().from(approvalRequests).where(eq(approvalRequests.id, requestId)).get();
  if (!request) return undefined;
  const steps = db
    .select()
    .from(approvalSteps)
    .where(eq(approvalSteps.requestId, requestId))
    .orderBy(asc(approvalSteps.tier))
    .all()
    .flatMap((s) => (isRole(s.role) ? [{ ...s, role: s.role }] : []));
  const summary = typeof request.summary === "object" && request.summary !== null ? request.summary : {};
  const excludedDeciders = excludedDecidersOf(db, requestId);
  return { ...request, summary: summary as Record<string, unknown>, steps, excludedDeciders };
}

/** Who may not decide a request, as its view knows it. */
export function barredOf(view: ApprovalView): BarredDeciders {
  return { requestedBy: view.requestedBy, excluded: new Set(view.excludedDeciders) };
}

/** The tier waiting for a decision now, if any. */
export function openStep(view: ApprovalView): StepView | undefined {
  return view.steps.find((s) => s.status === "pending");
}

/** Requests waiting on this user now (as holder or delegate), oldest first; never their own. */
export function pendingApprovalsFor(db: Db, userId: string, day: string): ApprovalView[] {
  const open = db
    .select({
      requestId: approvalSteps.requestId,
      role: approvalSteps.role,
      requestedBy: approvalRequests.requestedBy,
    })
    .from(approvalSteps)
    .innerJoin(approvalRequests, eq(approvalRequests.id, approvalSteps.requestId))
    .where(and(eq(approvalSteps.status, "pending"), eq(approvalRequests.status, "pending")))
    .orderBy(asc(approvalRequests.createdAt))
    .all();
  return open
    .filter(
      (s) =>
        isRole(s.role) &&
        s.requestedBy !== userId &&
        eligibleApprovers(
          db,
          s.role,
          { requestedBy: s.requestedBy, excluded: new Set(excludedDecidersOf(db, s.requestId)) },
          day,
        ).some((a) => a.userId === userId),
    )
    .flatMap((s) => readApproval(db, s.requestId) ?? []);
}

/** Requests this user made that are still waiting. */
export function myOpenRequests(db: Db, userId: string): ApprovalView[] {
  return db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.requestedBy, userId), eq(approvalRequests.status, "pending")))
    .orderBy(asc(approvalRequests.createdAt))
    .all()
    .flatMap((r) => readApproval(db, r.id) ?? []);
}
