import { emitEvent } from "../../domain/events.ts";
import { listLowStock } from "../../domain/low-stock/list.ts";
import { readLowStockDigest } from "../../domain/low-stock/settings.ts";
import type { ScheduledJob } from "../scheduled-job.ts";

/** How many lines the digest carries; the rest are counted ("and N more"). */
export const digestLines = 30;

/**
 * Every morning at 08:00 company time, when the company chose the digest (`/jxc lowstock digest
 * on`): one `low_stock.digest` event listing the items at or below their reorder point and not
 * snoozed. Nothing is posted when nothing is low, or when single alerts are in use.
 */
export const lowStockDigest: ScheduledJob = {
  name: "low-stock-digest",
  cron: "0 8 * * *",
  run: ({ db, logger, scheduledAt, period }) => {
    if (!readLowStockDigest(db)) return;
    const list = listLowStock(db, scheduledAt, digestLines);
    if (list.total === 0) return;
    emitEvent(
      db,
      { type: "low_stock.digest", actor: "jxc", payload: { period, at: scheduledAt, ...list } },
      scheduledAt,
    );
    logger.info({ low: list.total, snoozed: list.snoozed, period }, "low-stock digest");
  },
};
