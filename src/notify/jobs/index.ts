import type { ScheduledJob } from "../scheduled-job.ts";
import { approvalReminders } from "./approval-reminders.ts";
import { lateDeliveries } from "./late-deliveries.ts";
import { lowStockDigest } from "./low-stock-digest.ts";
import { weeklyPurchasePlan } from "./weekly-purchase-plan.ts";

/**
 * Every scheduled job the app runs, in one list that createJxc hands the scheduler.
 * Add a job here (its own file beside this one); nothing else needs wiring.
 */
export const scheduledJobs: readonly ScheduledJob[] = [
  approvalReminders,
  weeklyPurchasePlan,
  lateDeliveries,
  lowStockDigest,
];
