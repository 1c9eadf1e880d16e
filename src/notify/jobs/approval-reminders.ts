import { remindAndEscalate } from "../../domain/approvals/index.ts";
import type { ScheduledJob } from "../scheduled-job.ts";

/** Every quarter hour: remind approvers of requests waiting too long, escalate those waiting longer. */
export const approvalReminders: ScheduledJob = {
  name: "approval-reminders",
  cron: "*/15 * * * *",
  run: ({ db, clock, logger }) => {
    const result = remindAndEscalate(db, clock);
    if (result.reminded + result.escalated > 0) logger.info(result, "approval reminders");
  },
};
