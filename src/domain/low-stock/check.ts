import type { Db } from "../../../db/client.ts";
import { preparedPerDb } from "../../../db/prepared.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { emitEvent } from "../events.ts";
import { isLow, type LowStockState, readPendingChecks } from "./figures.ts";
import { readLowStockDigest } from "./settings.ts";

/** What one look at the pending checks did; `more` when checks are left for the next look. */
export interface LowStockCheckResult {
  checked: number;
  alerted: number;
  cleared: number;
  more: boolean;
}

const none: LowStockCheckResult = { checked: 0, alerted: 0, cleared: 0, more: false };
/**
 * Items one look evaluates: a few dozen milliseconds, so an import that touched 100k items is
 * worked through between deliveries instead of holding the process for seconds.
 */
export const checksPerLook = 1_000;

const statements = preparedPerDb((db) => ({
  anyPending: db.$client.prepare("select 1 from low_stock_checks limit 1").pluck(),
  anyExpired: db.$client
    .prepare("select 1 from low_stock_states where snoozed_until is not null and snoozed_until <= ? limit 1")
    .pluck(),
  expired: db.$client
    .prepare(
      "select item_id, below, episode, alerted_at from low_stock_states where snoozed_until is not null and snoozed_until <= ?",
    )
    .raw(),
  clearChecks: db.$client.prepare("delete from low_stock_checks where item_id <= ?"),
  write: db.$client.prepare(
    `insert into low_stock_states (item_id, below, episode, alerted_at, snoozed_until, snoozed_by,
                                   draft_po_id, drafted_by, updated_at)
     values (@itemId, @below, @episode, @alertedAt, @snoozedUntil, @snoozedBy, @draftPoId, @draftedBy, @at)
     on conflict (item_id) do update set below = excluded.below, episode = excluded.episode,
       alerted_at = excluded.alerted_at, snoozed_until = excluded.snoozed_until,
       snoozed_by = excluded.snoozed_by, draft_po_id = excluded.draft_po_id,
       drafted_by = excluded.drafted_by, updated_at = excluded.updated_at`,
  ),
  endSnooze: db.$client.prepare(
    "update low_stock_states set snoozed_until = null, snoozed_by = null, alerted_at = coalesce(@alertedAt, alerted_at), updated_at = @at where item_id = @itemId",
  ),
}));

function writeState(db: Db, state: LowStockState, at: number): void {
  statements(db).write.run({
    ...state,
    below: state.below ? 1 : 0,
    at,
  });
}

function emitAlert(db: Db, itemId: number, episode: number, at: number, reminder: boolean): void {
  emitEvent(
    db,
    {
      type: "low_stock.alert",
      actor: "jxc",
      docType: "item",
      docId: itemId,
      payload: { itemId, episode, ...(reminder ? { reminder: true } : {}) },
    },
    at,
  );
}

/**
 * Turns the checks the triggers recorded into low-stock episodes, in one transaction: an item
 * that dropped to its reorder point (after a stock move) starts an episode and, unless the
 * digest is on or the item is snoozed, gets one `low_stock.alert`; one back above its point
 * ends the episode, re-arming the alert, and its messages are rewritten. Snoozes that ended on
 * an item still low alert again. Runs before every outbox dispatch, `checksPerLook` items at a
 * time (`more` says some are left); idle, it costs two probes.
 */
export function checkLowStock(db: Db, clock: Clock): LowStockCheckResult {
  const now = clock.now();
  const s = statements(db);
  if (!s.anyPending.get() && !s.anyExpired.get(now)) return none;
  return db.transaction(
    () => {
      const digest = readLowStockDigest(db);
      const result = { ...none };
      const pending = readPendingChecks(db, checksPerLook);
      for (const check of pending.checks) {
        result.checked += 1;
        const { figures, mayAlert } = check;
        const state = check.state;
        const low = isLow(figures);
        if (!low) {
          if (!state?.below) continue;
          writeState(db, { ...state, below: false }, now);
          writeAudit(db, {
            actor: "jxc",
            action: "lowstock.clear",
            entity: "item",
            entityId: String(figures.itemId),
            before: { episode: state.episode, below: true },
            after: { projected: figures.projected, reorderPoint: figures.reorderPoint },
            at: now,
          });
          if (state.alertedAt !== null) {
            emitEvent(
              db,
              {
                type: "low_stock.changed",
                actor: "jxc",
                docType: "item",
                docId: figures.itemId,
                payload: { itemId: figures.itemId, episode: state.episode, change: "replenished" },
              },
              now,
            );
          }
          result.cleared += 1;
          continue;
        }
        // Configuration alone (opening stock, a new reorder point) never starts an episode.
        if (!state?.below && !mayAlert) continue;
        const current: LowStockState = state?.below
          ? state
          : {
              itemId: figures.itemId,
              below: true,
              episode: (state?.episode ?? 0) + 1,
              alertedAt: null,
              snoozedUntil: state?.snoozedUntil ?? null,
              snoozedBy: state?.snoozedBy ?? null,
              draftPoId: null,
              draftedBy: null,
            };
        const silenced = digest || (current.snoozedUntil !== null && current.snoozedUntil > now);
        const alert = current.alertedAt === null && mayAlert && !silenced;
        if (current === state && !alert) continue;
        writeState(db, { ...current, alertedAt: alert ? now : current.alertedAt }, now);
        if (current !== state) {
          writeAudit(db, {
            actor: "jxc",
            action: "lowstock.below",
            entity: "item",
            entityId: String(figures.itemId),
            before: { below: false },
            after: {
              episode: current.episode,
              projected: figures.projected,
              reorderPoint: figures.reorderPoint,
              alerted: alert,
            },
            at: now,
          });
        }
        if (alert) {
          emitAlert(db, figures.itemId, current.episode, now, false);
          result.alerted += 1;
        }
      }
      s.clearChecks.run(pending.through);
      result.more = s.anyPending.get() !== undefined;
      // A snooze that has run out on an item still low alerts again (a reminder when this episode
      // was told already), unless the digest is on.
      const expired = s.expired.all(now) as [number, number, number, number | null][];
      for (const [itemId, below, episode, alertedAt] of expired) {
        const remind = below === 1 && !digest;
        s.endSnooze.run({ itemId, at: now, alertedAt: remind ? now : null });
        if (remind) {
          emitAlert(db, itemId, episode, now, alertedAt !== null);
          result.alerted += 1;
        }
      }
      return result;
    },
    { behavior: "immediate" },
  );
}
