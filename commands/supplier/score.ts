import type { BlockAction, ButtonAction as SlackButton } from "@slack/bolt";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { suppliers } from "../../db/schema.ts";
import { isJxcError, JxcError } from "../../src/domain/errors.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import {
  lastDays,
  maxScoreDays,
  type ScorePeriod,
  scoreSupplier,
} from "../../src/domain/purchasing/scorecard.ts";
import type { Locale } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { type EphemeralReply, toEphemeral } from "../../src/slack/blocks.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { parseDayRange, todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds } from "../names.ts";
import { requireSupplier, type Supplier } from "../po/suppliers.ts";
import { renderScorecard } from "./score-render.ts";

/**
 * Reads `<supplier> [period]`: the supplier is the first words that name one, the period the
 * rest, in English or Chinese (`last month`, `上个月`, `2026-01-01 to 2026-06-30`) or a number of
 * days back; no period is the last 90 days. Past periods are the point here.
 */
export function parseScoreRequest(
  db: Db,
  text: string,
  context: { now: number; timeZone: string; locale: Locale },
): { supplier: Supplier; period: ScorePeriod } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const today = todayIn(context.timeZone, context.now);
  let periodProblem: unknown;
  // The longest supplier name first, so "Huaxin Fasteners last month" finds Huaxin Fasteners.
  for (let k = words.length; k >= 1; k -= 1) {
    let supplier: Supplier;
    try {
      supplier = requireSupplier(db, words.slice(0, k).join(" "), { archived: true });
    } catch (error) {
      if (!isJxcError(error)) throw error;
      continue;
    }
    try {
      return { supplier, period: readPeriod(words.slice(k).join(" "), today, context) };
    } catch (error) {
      if (!isJxcError(error)) throw error;
      periodProblem ??= error;
    }
  }
  if (periodProblem) throw periodProblem;
  // No words name a supplier: say so for the first word, with the closest ones.
  requireSupplier(db, words[0] ?? "", { archived: true });
  throw new JxcError("UNKNOWN_SUPPLIER", { query: text }, "supplier");
}

function readPeriod(text: string, today: string, context: { now: number; timeZone: string; locale: Locale }) {
  if (text === "") return lastDays(today);
  if (/^\d{1,4}$/.test(text)) {
    const days = Number(text);
    if (days < 1 || days > maxScoreDays) {
      throw new JxcError(
        "INVALID_INPUT",
        { input: text, problem: days < 1 ? "zero" : "too_large" },
        "period",
      );
    }
    return lastDays(today, days);
  }
  return parseDayRange(text, {
    now: context.now,
    timeZone: context.timeZone,
    locale: context.locale,
    allowPast: true,
    field: "period",
  });
}

/** `/supplier score <supplier> [period]`: the scorecard as an ephemeral reply. */
export function answerScore(deps: CommandDeps, text: string, userId: string, locale: Locale): EphemeralReply {
  requirePermission(deps.db, userId, "supplier.score");
  const now = deps.clock.now();
  const { supplier, period } = parseScoreRequest(deps.db, text, {
    now,
    timeZone: deps.company.timeZone,
    locale,
  });
  const card = scoreSupplier(deps.db, supplier.id, period, {
    today: todayIn(deps.company.timeZone, now),
    timeZone: deps.company.timeZone,
  });
  return renderScorecard(card, supplier, locale, deps.company.currency);
}

/** The supplier card's "Scorecard (90 days)" button. */
export function registerScoreButton(router: SlackRouter, deps: CommandDeps): void {
  router.action<BlockAction<SlackButton>>(
    actionIds.supplierScore,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "supplier.score");
      const supplier = deps.db
        .select()
        .from(suppliers)
        .where(eq(suppliers.id, Number(click.value)))
        .get();
      if (!supplier) throw new JxcError("STALE_ACTION");
      const today = todayIn(deps.company.timeZone, deps.clock.now());
      const card = scoreSupplier(deps.db, supplier.id, lastDays(today), {
        today,
        timeZone: deps.company.timeZone,
      });
      const reply = renderScorecard(card, supplier, click.locale, deps.company.currency);
      await click.respond({ ...toEphemeral(reply), replace_original: false });
    }),
  );
}
