import type { Db } from "../../../db/client.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { emitEvent } from "../events.ts";
import { requirePermission } from "../permissions.ts";
import { planPeriod, readPlanFacts, readPlanOptions } from "../purchasing/plan.ts";
import { createDraftsFromPlan } from "../purchasing/plan-drafts.ts";
import { suggestPurchase } from "../purchasing/plan-rule.ts";
import { readPurchaseOrder } from "../purchasing/reads.ts";
import { type LowStockState, readItemLowStock } from "./figures.ts";

/** Which alert a button belongs to: the item and the episode it was sent for. */
export interface AlertRef {
  itemId: number;
  episode: number;
}

/** Why a button of an alert can no longer act: a later episode exists, or stock is back above the point. */
export type AlertGone = { kind: "stale" } | { kind: "replenished" };

/** The longest snooze a button may ask for. */
export const maxSnoozeDays = 30;
const dayMs = 86_400_000;
// A click that would not move the snooze's end later than this is the same click again.
const sameSnoozeMs = 3_600_000;

function currentState(db: Db, ref: AlertRef): { state: LowStockState } | AlertGone {
  const found = readItemLowStock(db, ref.itemId);
  const state = found?.state;
  if (!state || state.episode !== ref.episode) return { kind: "stale" };
  if (!state.below) return { kind: "replenished" };
  return { state };
}

function emitChanged(db: Db, ref: AlertRef, change: string, actor: string, at: number): void {
  emitEvent(
    db,
    {
      type: "low_stock.changed",
      actor,
      docType: "item",
      docId: ref.itemId,
      payload: { itemId: ref.itemId, episode: ref.episode, change },
    },
    at,
  );
}

/** What a Snooze click did. */
export type SnoozeOutcome =
  | { kind: "snoozed"; until: number }
  | { kind: "already"; until: number; by: string }
  | AlertGone;

/**
 * Silences an item's low-stock alerts for `days` days (warehouse and purchasing roles). When the
 * snooze ends and the item is still low, it alerts again. A second click that would not push the
 * end later by more than an hour changes nothing and says who snoozed it.
 */
export function snoozeLowStock(
  db: Db,
  clock: Clock,
  input: AlertRef & { days: number; userId: string },
): SnoozeOutcome {
  requirePermission(db, input.userId, "lowstock.snooze");
  const days = Math.min(Math.max(1, Math.trunc(input.days)), maxSnoozeDays);
  return db.transaction(
    () => {
      const found = currentState(db, input);
      if (!("state" in found)) return found;
      const { state } = found;
      const now = clock.now();
      const until = now + days * dayMs;
      if (state.snoozedUntil !== null && state.snoozedUntil + sameSnoozeMs >= until) {
        return { kind: "already", until: state.snoozedUntil, by: state.snoozedBy ?? "" };
      }
      db.$client
        .prepare(
          "update low_stock_states set snoozed_until = ?, snoozed_by = ?, updated_at = ? where item_id = ?",
        )
        .run(until, input.userId, now, input.itemId);
      writeAudit(db, {
        actor: input.userId,
        action: "lowstock.snooze",
        entity: "item",
        entityId: String(input.itemId),
        before: { snoozedUntil: state.snoozedUntil },
        after: { snoozedUntil: until, days },
        at: now,
      });
      emitChanged(db, input, "snoozed", input.userId, now);
      return { kind: "snoozed", until };
    },
    { behavior: "immediate" },
  );
}

/** What a Draft PO click did. */
export type DraftOutcome =
  | { kind: "drafted"; number: string; qty: number; supplierCode: string }
  | { kind: "already"; number: string; by: string }
  | { kind: "no_supplier" }
  | { kind: "supplier_archived"; supplierCode: string }
  | { kind: "no_price"; supplierCode: string }
  /** The plan counts draft and pending POs: these already ask for the item. */
  | { kind: "on_drafts"; numbers: string[] }
  /** No issues in the plan's window and no reorder qty or max level: nothing to size an order by. */
  | { kind: "cannot_size"; windowDays: number }
  | AlertGone;

/**
 * The alert's Draft PO button (purchasing roles): a draft PO for this item alone from its
 * default supplier, for the quantity the purchase plan suggests now, written by the plan's own
 * draft writer. The PO is remembered on the alert, so a second click finds it and writes nothing.
 */
export function draftPurchaseOrderForLowStock(
  db: Db,
  clock: Clock,
  input: AlertRef & { userId: string; today: string; currency: string },
): DraftOutcome {
  requirePermission(db, input.userId, "po.create");
  return db.transaction(
    () => {
      const found = currentState(db, input);
      if (!("state" in found)) return found;
      const { state } = found;
      if (state.draftPoId !== null) {
        const po = readPurchaseOrder(db, state.draftPoId);
        return { kind: "already", number: po?.number ?? "", by: state.draftedBy ?? "" };
      }
      const supplier = db.$client
        .prepare(
          "select s.id, s.code, s.archived from items i join suppliers s on s.id = i.default_supplier_id where i.id = ?",
        )
        .raw()
        .get(input.itemId) as [number, string, number] | undefined;
      if (!supplier) return { kind: "no_supplier" };
      const [supplierId, supplierCode, archived] = supplier;
      if (archived) return { kind: "supplier_archived", supplierCode };
      const now = clock.now();
      const options = readPlanOptions(db);
      const [facts] = readPlanFacts(db, planPeriod(now, options), { itemId: input.itemId });
      const verdict = facts ? suggestPurchase(facts, options) : undefined;
      if (!verdict || verdict.kind === "none") {
        if (facts && facts.inDraft > 0)
          return { kind: "on_drafts", numbers: draftsHolding(db, input.itemId) };
        return { kind: "cannot_size", windowDays: options.windowDays };
      }
      const drafted = createDraftsFromPlan(db, clock, {
        supplierId,
        itemIds: [input.itemId],
        options,
        userId: input.userId,
        today: input.today,
        currency: input.currency,
      });
      const [number] = drafted.numbers;
      if (!number) return { kind: "no_price", supplierCode };
      const po = readPurchaseOrder(db, number);
      db.$client
        .prepare(
          "update low_stock_states set draft_po_id = ?, drafted_by = ?, updated_at = ? where item_id = ?",
        )
        .run(po?.id ?? null, input.userId, now, input.itemId);
      writeAudit(db, {
        actor: input.userId,
        action: "lowstock.draft",
        entity: "item",
        entityId: String(input.itemId),
        after: { episode: input.episode, po: number },
        at: now,
      });
      emitChanged(db, input, "drafted", input.userId, now);
      return { kind: "drafted", number, qty: po?.lines[0]?.qty ?? verdict.qty, supplierCode };
    },
    { behavior: "immediate" },
  );
}

/** Draft and pending POs with a line for the item, oldest first. */
function draftsHolding(db: Db, itemId: number): string[] {
  return db.$client
    .prepare(
      `select distinct p.number from purchase_orders p join purchase_order_lines l on l.purchase_order_id = p.id
        where l.item_id = ? and p.status in ('draft', 'pending_approval') order by p.id`,
    )
    .pluck()
    .all(itemId) as string[];
}
