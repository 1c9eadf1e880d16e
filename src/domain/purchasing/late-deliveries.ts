import type { Db } from "../../../db/client.ts";
import { daysBetween } from "../../text/calendar.ts";
import { emitEvent } from "../events.ts";
import { openForDelivery } from "./states.ts";

/** Company setting: days late after which the purchasing manager hears of a late PO too. */
export const lateEscalationKey = "po_late_escalate_days";
export const defaultLateEscalationDays = 3;

/** Who a late-delivery nudge is for: the PO's author first, the purchasing manager later. */
export type LateLevel = "clerk" | "manager";

function escalationDays(db: Db): number {
  const raw = db.$client
    .prepare("select value from company_settings where key = ?")
    .pluck()
    .get(lateEscalationKey);
  const value = typeof raw === "string" ? Number(JSON.parse(raw)) : Number.NaN;
  return Number.isInteger(value) && value >= 1 ? value : defaultLateEscalationDays;
}

/**
 * Finds POs still open for delivery (approved, sent, partly received) whose expected day has
 * passed, and emits one `po.late` event per PO and level: the author once it is late, the
 * manager once it is `po_late_escalate_days` late. Earlier events are the record, so a rerun
 * or a catch-up never nudges twice.
 */
export function nudgeLateDeliveries(db: Db, at: number, today: string): { clerk: number; manager: number } {
  const after = escalationDays(db);
  const open = openForDelivery.map((s) => `'${s}'`).join(",");
  const late = db.$client
    .prepare(
      `select p.id, p.number, p.created_by, p.expected_day,
              exists (select 1 from outbox_events e where e.type = 'po.late' and e.doc_type = 'purchase_order'
                       and e.doc_id = p.id and json_extract(e.payload, '$.level') = 'clerk'),
              exists (select 1 from outbox_events e where e.type = 'po.late' and e.doc_type = 'purchase_order'
                       and e.doc_id = p.id and json_extract(e.payload, '$.level') = 'manager')
         from purchase_orders p where p.status in (${open}) and p.expected_day < ?`,
    )
    .raw()
    .all(today) as [number, string, string, string, number, number][];
  const counts = { clerk: 0, manager: 0 };
  db.$client.transaction(() => {
    for (const [id, number, owner, expectedDay, toldClerk, toldManager] of late) {
      const daysLate = daysBetween(expectedDay, today);
      const emit = (level: LateLevel) => {
        emitEvent(
          db,
          {
            type: "po.late",
            actor: "jxc",
            docType: "purchase_order",
            docId: id,
            payload: { number, owner, expectedDay, daysLate, level },
          },
          at,
        );
        counts[level] += 1;
      };
      if (!toldClerk) emit("clerk");
      if (!toldManager && daysLate >= after) emit("manager");
    }
  })();
  return counts;
}
