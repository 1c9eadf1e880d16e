import { and, eq, gte, isNull, lte } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { approvalDelegations } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import type { Handle } from "../stock/statements.ts";

/** A stand-in for an approver over a range of days. */
export interface Delegation {
  id: number;
  approver: string;
  delegate: string;
  fromDay: string;
  toDay: string;
}

const columns = {
  id: approvalDelegations.id,
  approver: approvalDelegations.approver,
  delegate: approvalDelegations.delegate,
  fromDay: approvalDelegations.fromDay,
  toDay: approvalDelegations.toDay,
};
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Lets `delegate` decide the approver's approvals from `fromDay` to `toDay` (inclusive). */
export function delegateApprovals(
  db: Db,
  clock: Clock,
  input: { approver: string; delegate: string; fromDay: string; toDay: string; today: string },
): Delegation {
  const { approver, delegate, fromDay, toDay, today } = input;
  if (approver === delegate) throw new JxcError("INVALID_INPUT", { input: delegate }, "delegate");
  if (!dayPattern.test(fromDay) || !dayPattern.test(toDay) || toDay < fromDay || toDay < today) {
    throw new JxcError("INVALID_INPUT", { input: `${fromDay} – ${toDay}` }, "days");
  }
  const at = clock.now();
  return db.transaction((tx) => {
    const row = tx
      .insert(approvalDelegations)
      .values({ approver, delegate, fromDay, toDay, createdAt: at })
      .returning(columns)
      .get();
    writeAudit(tx, {
      actor: approver,
      action: "approval.delegate",
      entity: "delegation",
      entityId: String(row.id),
      after: row,
      at,
    });
    return row;
  });
}

/** Ends a delegation early; only its approver (or an admin, checked by the caller) may. */
export function revokeDelegation(
  db: Db,
  clock: Clock,
  input: { id: number; actor: string; isAdmin: boolean },
): void {
  const at = clock.now();
  db.transaction((tx) => {
    const row = tx
      .select(columns)
      .from(approvalDelegations)
      .where(and(eq(approvalDelegations.id, input.id), isNull(approvalDelegations.revokedAt)))
      .get();
    if (!row) throw new JxcError("NOT_FOUND", { what: `#${input.id}` });
    if (row.approver !== input.actor && !input.isAdmin) throw new JxcError("NOT_ALLOWED", { roles: "admin" });
    tx.update(approvalDelegations).set({ revokedAt: at }).where(eq(approvalDelegations.id, input.id)).run();
    writeAudit(tx, {
      actor: input.actor,
      action: "approval.undelegate",
      entity: "delegation",
      entityId: String(row.id),
      before: row,
      at,
    });
  });
}

/** Delegations given or received by a user that have not ended before `today`. */
export function delegationsInvolving(db: Db, userId: string, today: string): Delegation[] {
  return db
    .select(columns)
    .from(approvalDelegations)
    .where(and(isNull(approvalDelegations.revokedAt), gte(approvalDelegations.toDay, today)))
    .all()
    .filter((d) => d.approver === userId || d.delegate === userId);
}

/** Delegations in force on `day`, given by an approver or received by a delegate. */
function activeOn(db: Handle, day: string, who: { approver: string } | { delegate: string }): Delegation[] {
  const party =
    "approver" in who
      ? eq(approvalDelegations.approver, who.approver)
      : eq(approvalDelegations.delegate, who.delegate);
  return db
    .select(columns)
    .from(approvalDelegations)
    .where(
      and(
        party,
        isNull(approvalDelegations.revokedAt),
        lte(approvalDelegations.fromDay, day),
        gte(approvalDelegations.toDay, day),
      ),
    )
    .all();
}

/** The approvers whose decisions `delegate` may take on `day`. */
export function approversDelegatingTo(db: Handle, delegate: string, day: string): string[] {
  return activeOn(db, day, { delegate }).map((d) => d.approver);
}

/** Who stands in for `approver` on `day`. */
export function delegatesOf(db: Handle, approver: string, day: string): string[] {
  return activeOn(db, day, { approver }).map((d) => d.delegate);
}
