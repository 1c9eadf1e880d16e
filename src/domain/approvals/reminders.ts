import { and, eq, isNull, lte } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { approvalRequests, approvalSteps } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { emitEvent } from "../events.ts";
import { isRole, type Role } from "../roles.ts";
import { readTimers } from "./policies.ts";

const hour = 3_600_000;

/** Who an unanswered approval goes to next. */
const nextRoleUp: Record<Role, Role> = {
  purchasing_clerk: "purchasing_manager",
  warehouse_keeper: "warehouse_supervisor",
  salesperson: "sales_manager",
  accountant: "finance_supervisor",
  purchasing_manager: "admin",
  warehouse_supervisor: "admin",
  sales_manager: "admin",
  finance_supervisor: "admin",
  admin: "admin",
};

/**
 * Reminds the approvers of steps waiting longer than the reminder wait (once), and hands
 * steps waiting longer than the escalation wait to the next role up (once). Run on a schedule.
 */
export function remindAndEscalate(db: Db, clock: Clock): { reminded: number; escalated: number } {
  const { remindAfterHours, escalateAfterHours } = readTimers(db);
  const now = clock.now();
  return db.transaction(
    (tx) => {
      const waiting = (
        column: typeof approvalSteps.remindedAt | typeof approvalSteps.escalatedAt,
        hours: number,
      ) =>
        tx
          .select({
            requestId: approvalSteps.requestId,
            tier: approvalSteps.tier,
            role: approvalSteps.role,
            docType: approvalRequests.docType,
            docId: approvalRequests.docId,
            docNumber: approvalRequests.docNumber,
          })
          .from(approvalSteps)
          .innerJoin(approvalRequests, eq(approvalRequests.id, approvalSteps.requestId))
          .where(
            and(
              eq(approvalSteps.status, "pending"),
              isNull(column),
              lte(approvalSteps.activatedAt, now - hours * hour),
            ),
          )
          .all();
      const key = (s: { requestId: number; tier: number }) =>
        and(eq(approvalSteps.requestId, s.requestId), eq(approvalSteps.tier, s.tier));
      const toEscalate = waiting(approvalSteps.escalatedAt, escalateAfterHours).filter(
        (s) => isRole(s.role) && nextRoleUp[s.role] !== s.role,
      );
      for (const step of toEscalate) {
        const to = isRole(step.role) ? nextRoleUp[step.role] : "admin";
        tx.update(approvalSteps).set({ role: to, escalatedAt: now, remindedAt: now }).where(key(step)).run();
        writeAudit(tx, {
          actor: "jxc",
          action: "approval.escalate",
          entity: step.docType,
          entityId: step.docNumber,
          before: { tier: step.tier, role: step.role },
          after: { tier: step.tier, role: to },
          at: now,
        });
        const payload = { requestId: step.requestId, tier: step.tier, from: step.role, to };
        emitEvent(
          tx,
          { type: "approval.escalated", actor: "jxc", docType: step.docType, docId: step.docId, payload },
          now,
        );
      }
      const toRemind = waiting(approvalSteps.remindedAt, remindAfterHours);
      for (const step of toRemind) {
        tx.update(approvalSteps).set({ remindedAt: now }).where(key(step)).run();
        const payload = { requestId: step.requestId, tier: step.tier };
        emitEvent(
          tx,
          { type: "approval.reminder", actor: "jxc", docType: step.docType, docId: step.docId, payload },
          now,
        );
      }
      return { reminded: toRemind.length, escalated: toEscalate.length };
    },
    { behavior: "immediate" },
  );
}
