import { eq } from "drizzle-orm";
import { approvalExcludedDeciders, roleAssignments } from "../../../db/schema.ts";
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
