import type { Planner } from "../contract.ts";
import { documentEventDeliveries } from "./documents.ts";

export const adjustmentTemplates = { note: "adjustment.note" } as const;

/** A posted adjustment is told in its thread (or opens it, when it needed no approval). */
export const adjustmentPlanners: Record<"adjustment.posted", Planner> = {
  "adjustment.posted": (event, ctx) =>
    documentEventDeliveries(
      ctx.db,
      event,
      { template: adjustmentTemplates.note, data: { ...event.payload } },
      undefined,
    ),
};
