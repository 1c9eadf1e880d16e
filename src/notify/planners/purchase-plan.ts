import { recipientsFor } from "../../domain/routing/routes.ts";
import type { Planner } from "../contract.ts";
import { channelMessage, directMessage } from "../plan.ts";

export const purchasePlanTemplates = { weekly: "purchase_plan.weekly" } as const;

/** The weekly plan goes where the routing table says: by default, the purchasing channel. */
export const purchasePlanPlanners: Record<"purchase_plan.ready", Planner> = {
  "purchase_plan.ready": (event, ctx) => {
    const { users, channels } = recipientsFor(ctx.db, event.type, {});
    return [
      ...channels
        .filter((c) => c.channelId)
        .map((c) =>
          channelMessage(
            c.channelId ?? "",
            `channel:${c.channelId}`,
            purchasePlanTemplates.weekly,
            event.payload,
          ),
        ),
      ...users.map((u) => directMessage(u, `dm:${u}`, purchasePlanTemplates.weekly, event.payload)),
    ];
  },
};
