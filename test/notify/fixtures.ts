// Planners and templates the notifier tests plan with: the app's own registry plans nothing yet.
import type { EventType } from "../../src/domain/events.ts";
import type { Planner, Template } from "../../src/notify/contract.ts";
import { appPlanners } from "../../src/notify/registry.ts";
import { section } from "../../src/slack/blocks.ts";

/** The app's registry with some event types planned by the test. */
export function plannersWith(overrides: Partial<Record<EventType, Planner>>): Record<EventType, Planner> {
  return { ...appPlanners, ...overrides };
}

/** `note`: "note <n>" / "通知 <n>", so a test can see both what and in which language. */
export const testTemplates: Record<string, Template> = {
  note: (data, { locale }) => {
    const text = `${locale === "zh-CN" ? "通知" : "note"} ${String(data.n)}`;
    return { text, blocks: [section(text)] };
  },
  home: (data) => ({ text: "", blocks: [section(`home ${String(data.n)}`)] }),
};

/**
 * "approval.requested" → the test's planner posts `note` to every target in the payload:
 * `{ n, to: ["C0WH", "U0ANN"] }`; one event can fan out to channels and DMs.
 */
export const fanOut: Planner = (event) => {
  const targets = Array.isArray(event.payload.to) ? event.payload.to.map(String) : [];
  return targets.map((target) => ({
    kind: "post",
    key: `to:${target}`,
    target,
    template: "note",
    data: { n: event.payload.n },
  }));
};
