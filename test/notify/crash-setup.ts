// What the crashing notifier and the one that restarts after it share.
import type { NotifierTuning } from "../../src/notify/notifier.ts";
import { fanOut, plannersWith } from "./fixtures.ts";

export const crashPlanners = plannersWith({ "approval.requested": fanOut });
export const crashTuning: Partial<NotifierTuning> = {
  postIntervalMs: 0,
  backoffBaseMs: 20,
  backoffMaxMs: 200,
};
