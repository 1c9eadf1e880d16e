import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { approvalRequests, approvalSteps } from "../../../db/schema.ts";
import { isRole, type Role } from "../roles.ts";
import type { Handle } from "../stock/statements.ts";
import {
  type BarredDeciders,
  eligibilityOf,
  excludedDecidersOf,
  excludedDecidersOfPending,
} from "./eligibility.ts";

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

/** The first few of a list, and how long it is. */
export interface FirstOf<T> {
  total: number;
  first: T[];
}

/**
 * Requests waiting on this user now (as holder or delegate), oldest first; never their own. All
 * are counted, only the first `limit` are read whole: a supervisor may have hundreds waiting,
 * and their Home tab is redrawn on every decision.
 */
export function pendingApprovalsFor(
  db: Db,
  userId: string,
  day: string,
  limit: number,
): FirstOf<ApprovalView> {
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
  const excluded = excludedDecidersOfPending(db);
  const mayDecide = eligibilityOf(db, userId, day);
  const waiting = open.filter(
    (s) =>
      isRole(s.role) &&
      mayDecide(s.role, { requestedBy: s.requestedBy, excluded: excluded.get(s.requestId) ?? new Set() }),
  );
  return { total: waiting.length, first: readFirst(db, waiting, limit) };
}

/** Requests this user made that are still waiting, oldest first: all counted, the first `limit` read. */
export function myOpenRequests(db: Db, userId: string, limit: number): FirstOf<ApprovalView> {
  const mine = db
    .select({ requestId: approvalRequests.id })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.requestedBy, userId), eq(approvalRequests.status, "pending")))
    .orderBy(asc(approvalRequests.createdAt))
    .all();
  return { total: mine.length, first: readFirst(db, mine, limit) };
}

function readFirst(db: Db, requests: readonly { requestId: number }[], limit: number): ApprovalView[] {
  return requests.slice(0, limit).flatMap((r) => readApproval(db, r.requestId) ?? []);
}
