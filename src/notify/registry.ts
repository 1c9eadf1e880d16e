import type { EventType } from "../domain/events.ts";
import type { Planner } from "./contract.ts";
import { adjustmentPlanners } from "./planners/adjustments.ts";
import { approvalPlanners } from "./planners/approvals.ts";
import { lowStockPlanners } from "./planners/low-stock.ts";
import { purchasePlanPlanners } from "./planners/purchase-plan.ts";
import { purchasingPlanners } from "./planners/purchasing.ts";
import { receivingPlanners } from "./planners/receiving.ts";
import { stocktakePlanners } from "./planners/stocktakes.ts";

/**
 * Who hears of each event, and where. Every event type must have an entry (the record type
 * makes a new type a compile error here); helpers for writing them are in ./plan.ts. The
 * templates they name are rendered by commands/notices, beside the buttons they carry.
 */
export const appPlanners: Record<EventType, Planner> = {
  ...approvalPlanners,
  ...adjustmentPlanners,
  ...purchasingPlanners,
  ...purchasePlanPlanners,
  ...stocktakePlanners,
  ...receivingPlanners,
  ...lowStockPlanners,
};
