import { eq } from "drizzle-orm";
import { approvalExcludedDeciders, approvalRequests, roleAssignments } from "../../../db/schema.ts";
import { JxcError } from "../errors.ts";
import type { Role } from "../roles.ts";
import type { Handle } from "../stock/statements.ts";
import { approversDelegatingTo, delegatesOf } from "./delegation.ts";

/** Someone who may decide a step, and for whom when they stand in. */
export interface Approver {
  userId: string;
  onBehalfOf: string | null;
}

/** Who may not decide a request: its requester and anyone it names as having taken part. */
export interface BarredDeciders {
  requestedBy: string;
  excluded: ReadonlySet<string>;
}

/** Everyone holding a role. */
export function holdersOf(db: Handle, role: Role): string[] {
  return db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(eq(roleAssignments.role, role))
    .all()
    .map((r) => r.userId);
}

/** The people a request names as unable to decide it, besides its requester. */
export function excludedDecidersOf(db: Handle, requestId: number): string[] {
  return db
    .select({ userId: approvalExcludedDeciders.userId })
    .from(approvalExcludedDeciders)
    .where(eq(approvalExcludedDeciders.requestId, requestId))
    .all()
    .map((r) => r.userId);
}

/** The requester and the excluded of a request, read once. */
export function barredFrom(db: Handle, request: { id: number; requestedBy: string }): BarredDeciders {
  return { requestedBy: request.requestedBy, excluded: new Set(excludedDecidersOf(db, request.id)) };
}

function isBarred(barred: BarredDeciders, userId: string): boolean {
  return userId === barred.requestedBy || barred.excluded.has(userId);
}

/**
 * Who may decide a step needing `role` on `day`: its holders and their delegates, never the
 * requester nor anyone the request excludes (nor someone standing in for them). Empty when
 * nobody is left: the step then waits for its escalation, as when nobody holds the role.
 */
export function eligibleApprovers(db: Handle, role: Role, barred: BarredDeciders, day: string): Approver[] {
  const holders = holdersOf(db, role).filter((id) => !isBarred(barred, id));
  const seen = new Set(holders);
  const approvers: Approver[] = holders.map((userId) => ({ userId, onBehalfOf: null }));
  for (const holder of holders) {
    for (const delegate of delegatesOf(db, holder, day)) {
      if (isBarred(barred, delegate) || seen.has(delegate)) continue;
      seen.add(delegate);
      approvers.push({ userId: delegate, onBehalfOf: holder });
    }
  }
  return approvers;
}

/**
 * For one user on one day, whether they are among a step's `eligibleApprovers` — the same rule,
 * with the role holders and the user's delegations read once for a whole list of requests
 * instead of once per request.
 */
export function eligibilityOf(
  db: Handle,
  userId: string,
  day: string,
): (role: Role, barred: BarredDeciders) => boolean {
  const holders = new Map<Role, ReadonlySet<string>>();
  const holdersOfRole = (role: Role) => {
    let found = holders.get(role);
    if (!found) {
      found = new Set(holdersOf(db, role));
      holders.set(role, found);
    }
    return found;
  };
  const principals = approversDelegatingTo(db, userId, day);
  return (role, barred) => {
    if (isBarred(barred, userId)) return false;
    const holding = holdersOfRole(role);
    return holding.has(userId) || principals.some((p) => holding.has(p) && !isBarred(barred, p));
  };
}

/** Who may not decide each request, besides its requester, for every request still pending. */
export function excludedDecidersOfPending(db: Handle): Map<number, Set<string>> {
  const rows = db
    .select({ requestId: approvalExcludedDeciders.requestId, userId: approvalExcludedDeciders.userId })
    .from(approvalExcludedDeciders)
    .innerJoin(approvalRequests, eq(approvalRequests.id, approvalExcludedDeciders.requestId))
    .where(eq(approvalRequests.status, "pending"))
    .all();
  const excluded = new Map<number, Set<string>>();
  for (const { requestId, userId } of rows) {
    const set = excluded.get(requestId);
    if (set) set.add(userId);
    else excluded.set(requestId, new Set([userId]));
  }
  return excluded;
}

/**
 * Whether `userId` may decide a step needing `role`: by holding it, or as the delegate of
 * someone who does. Nobody decides their own request, nor one they took part in. Throws otherwise.
 */
export function authorityToDecide(
  db: Handle,
  input: { userId: string; role: Role; barred: BarredDeciders; day: string },
): Approver {
  const { userId, role, barred, day } = input;
  if (userId === barred.requestedBy) throw new JxcError("SELF_APPROVAL");
  if (barred.excluded.has(userId)) throw new JxcError("SELF_APPROVAL", { part: "excluded" });
  const holders = new Set(holdersOf(db, role));
  if (holders.has(userId)) return { userId, onBehalfOf: null };
  const principal = approversDelegatingTo(db, userId, day).find(
    (a) => holders.has(a) && !isBarred(barred, a),
  );
  if (principal) return { userId, onBehalfOf: principal };
  throw new JxcError("NOT_ALLOWED", { roles: role });
}
