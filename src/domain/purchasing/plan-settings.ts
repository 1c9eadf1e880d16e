import type { Db } from "../../../db/client.ts";
import { companySettings } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { maxPlanWindowDays, type PlanOptions, planSettingKeys, readPlanOptions } from "./plan.ts";

/** The longest review period a plan covers beyond the lead time: a year. */
export const maxPlanReviewDays = 365;

/**
 * Changes the company's plan settings (purchasing managers and admins check their permission
 * first): the demand window, the review period and whether to read the same days last year.
 * Each changed setting gets its audit row; the same values again change nothing.
 */
export function setPlanOptions(
  db: Db,
  clock: Clock,
  input: PlanOptions & { actor: string },
): { changed: boolean } {
  const whole = (value: number, field: string, max: number) => {
    if (!Number.isInteger(value) || value < 1 || value > max) {
      const problem = !Number.isInteger(value) ? "fractional" : value < 1 ? "zero" : "too_large";
      throw new JxcError("INVALID_INPUT", { input: String(value), problem }, field);
    }
  };
  whole(input.windowDays, "windowDays", maxPlanWindowDays);
  whole(input.reviewDays, "reviewDays", maxPlanReviewDays);
  return db.transaction(
    (tx) => {
      const at = clock.now();
      const before = readPlanOptions(tx);
      const wanted: [keyof PlanOptions, string, number | boolean][] = [
        ["windowDays", planSettingKeys.windowDays, input.windowDays],
        ["reviewDays", planSettingKeys.reviewDays, input.reviewDays],
        ["sameSeasonLastYear", planSettingKeys.sameSeason, input.sameSeasonLastYear],
      ];
      let changed = false;
      for (const [field, key, value] of wanted) {
        if (before[field] === value) continue;
        changed = true;
        tx.insert(companySettings)
          .values({ key, value, updatedBy: input.actor, updatedAt: at })
          .onConflictDoUpdate({
            target: companySettings.key,
            set: { value, updatedBy: input.actor, updatedAt: at },
          })
          .run();
        writeAudit(tx, {
          actor: input.actor,
          action: "setting.change",
          entity: "setting",
          entityId: key,
          before: before[field],
          after: value,
          at,
        });
      }
      return { changed };
    },
    { behavior: "immediate" },
  );
}
