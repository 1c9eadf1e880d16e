import { eq } from "drizzle-orm";
import { roleAssignments } from "../../../db/schema.ts";
import { JxcError } from "../errors.ts";
import type { Role } from "../roles.ts";
import type { Handle } from "../stock/statements.ts";
import { approversDelegatingTo, delegatesOf } from "./delegation.ts";

/** Someone who may decide a step, and for whom when they stand in. */
export interface Approver {
  userId: string;
  onBehalfOf: string | null;
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

/** Who may decide a step needing `role` on `day`: its holders and their delegates, never the requester. */
export function eligibleApprovers(db: Handle, role: Role, requestedBy: string, day: string): Approver[] {
  const holders = holdersOf(db, role).filter((id) => id !== requestedBy);
  const seen = new Set(holders);
  const approvers: Approver[] = holders.map((userId) => ({ userId, onBehalfOf: null }));
  for (const holder of holders) {
    for (const delegate of delegatesOf(db, holder, day)) {
      if (delegate === requestedBy || seen.has(delegate)) continue;
      seen.add(delegate);
      approvers.push({ userId: delegate, onBehalfOf: holder });
    }
  }
  return approvers;
}

/**
 * Whether `userId` may decide a step needing `role`: by holding it, or as the delegate of
 * someone who does. Nobody decides their own request. Throws otherwise.
 */
export function authorityToDecide(
  db: Handle,
  input: { userId: string; role: Role; requestedBy: string; day: string },
): Approver {
  const { userId, role, requestedBy, day } = input;
  if (userId === requestedBy) throw new JxcError("SELF_APPROVAL");
  const holders = new Set(holdersOf(db, role));
  if (holders.has(userId)) return { userId, onBehalfOf: null };
  const principal = approversDelegatingTo(db, userId, day).find((a) => holders.has(a) && a !== requestedBy);
  if (principal) return { userId, onBehalfOf: principal };
  throw new JxcError("NOT_ALLOWED", { roles: role });
}
