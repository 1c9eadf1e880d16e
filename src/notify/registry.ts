import type { EventType } from "../domain/events.ts";
import type { Planner, Template } from "./contract.ts";

// Until its planner is written, an event is recorded and dispatched but tells nobody.
const planNothing: Planner = () => [];

/**
 * Who hears of each event, and where. Every event type must have an entry (the record type
 * makes a new type a compile error here); helpers for writing them are in ./plan.ts.
 */
export const appPlanners: Record<EventType, Planner> = {
  "approval.requested": planNothing,
  "approval.step_opened": planNothing,
  "approval.step_approved": planNothing,
  "approval.approved": planNothing,
  "approval.rejected": planNothing,
  "approval.cancelled": planNothing,
  "approval.reminder": planNothing,
  "approval.escalated": planNothing,
  "adjustment.posted": planNothing,
};

/** The message templates planners name, rendered at delivery time in the reader's language. */
export const appTemplates: Record<string, Template> = {};
