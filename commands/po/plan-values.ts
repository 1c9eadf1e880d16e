import { z } from "zod";
import { JxcError } from "../../src/domain/errors.ts";
import { maxPlanWindowDays, type PlanOptions } from "../../src/domain/purchasing/plan.ts";

/** A plan button's value: what to recompute at the click (never the numbers, which may have changed). */
export const whyValue = z.object({
  i: z.number().int(),
  w: z.number().int(),
  r: z.number().int(),
  s: z.boolean(),
});
export const draftsValue = z.object({
  p: z.number().int(),
  w: z.number().int(),
  r: z.number().int(),
  s: z.boolean(),
});

/** The plan options a button carries, checked again. */
export function optionsOf(value: { w: number; r: number; s: boolean }): PlanOptions {
  if (value.w < 1 || value.w > maxPlanWindowDays || value.r < 0) throw new JxcError("STALE_ACTION");
  return { windowDays: value.w, reviewDays: value.r, sameSeasonLastYear: value.s };
}

/** Reads a button value, or STALE_ACTION for anything Slack would not have sent. */
export function parseValue<T>(schema: z.ZodType<T>, raw: string): T {
  try {
    return schema.parse(JSON.parse(raw));
  } catch {
    throw new JxcError("STALE_ACTION");
  }
}
