import { emitEvent } from "../../domain/events.ts";
import { buildPurchasePlan, type PurchasePlan, readPlanOptions } from "../../domain/purchasing/plan.ts";
import type { ScheduledJob } from "../scheduled-job.ts";

const groupsShown = 5;
const linesShown = 5;

/** The part of a plan the weekly post shows, small enough to store in the outbox row. */
export function weeklyPlanSummary(plan: PurchasePlan): Record<string, unknown> {
  return {
    windowDays: plan.options.windowDays,
    season: plan.options.sameSeasonLastYear,
    items: plan.itemsConsidered,
    suggested: plan.suggested,
    suppliers: plan.groups.filter((g) => g.supplier).length,
    moreGroups: Math.max(0, plan.groups.length - groupsShown),
    noHistory: plan.noHistory.length,
    noHistorySized: plan.noHistorySized,
    groups: plan.groups.slice(0, groupsShown).map((g) => ({
      code: g.supplier?.code ?? null,
      name: g.supplier?.name ?? null,
      nameZh: g.supplier?.nameZh ?? null,
      count: g.lines.length,
      lines: g.lines.slice(0, linesShown).map((l) => ({
        sku: l.facts.sku,
        name: l.facts.name,
        nameZh: l.facts.nameZh,
        unit: l.facts.baseUnit,
        qty: l.qty,
        noHistory: l.noHistory,
      })),
    })),
  };
}

/** Monday 08:00 company time: the purchase plan's summary to the purchasing channel, through the outbox. */
export const weeklyPurchasePlan: ScheduledJob = {
  name: "weekly-purchase-plan",
  cron: "0 8 * * 1",
  run: ({ db, logger, scheduledAt, period }) => {
    const plan = buildPurchasePlan(db, scheduledAt, readPlanOptions(db));
    emitEvent(
      db,
      { type: "purchase_plan.ready", actor: "jxc", payload: { period, ...weeklyPlanSummary(plan) } },
      scheduledAt,
    );
    logger.info({ suggested: plan.suggested, period }, "weekly purchase plan");
  },
};
