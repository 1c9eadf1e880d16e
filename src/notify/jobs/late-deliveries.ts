import { nudgeLateDeliveries } from "../../domain/purchasing/late-deliveries.ts";
import { todayIn } from "../../text/calendar.ts";
import type { ScheduledJob } from "../scheduled-job.ts";

/** Every day at 09:00 company time: nudge the authors of late POs, and later the purchasing manager. */
export const lateDeliveries: ScheduledJob = {
  name: "late-deliveries",
  cron: "0 9 * * *",
  run: ({ db, clock, logger, company }) => {
    // Late as of now, not as of the period's start: a catch-up run should see today's lateness.
    const now = clock.now();
    const result = nudgeLateDeliveries(db, now, todayIn(company.timeZone, now));
    if (result.clerk + result.manager > 0) logger.info(result, "late deliveries");
  },
};
