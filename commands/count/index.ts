import type { BlockAction, ButtonAction } from "@slack/bolt";
import { isJxcError, JxcError } from "../../src/domain/errors.ts";
import { can, requirePermission } from "../../src/domain/permissions.ts";
import { parseQuantity } from "../../src/domain/quantity.ts";
import { cancelStocktake } from "../../src/domain/stocktakes/cancel.ts";
import { recordCounts } from "../../src/domain/stocktakes/count.ts";
import { finishStocktake } from "../../src/domain/stocktakes/finish.ts";
import { countFoundStock } from "../../src/domain/stocktakes/found.ts";
import {
  findStocktake,
  firstLineInBin,
  firstUncountedLine,
  readCountSheet,
  readStocktake,
  type StocktakeView,
} from "../../src/domain/stocktakes/reads.ts";
import { startStocktake } from "../../src/domain/stocktakes/start.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { type EphemeralReply, toEphemeral } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { errorText, slashCommand } from "../../src/slack/slash-command.ts";
import { viewSubmission } from "../../src/slack/view-submission.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds, actionPatterns, callbackIds, slashCommands } from "../names.ts";
import { resolvePlace } from "../places.ts";
import { type CountProblem, parseCountRequest } from "./parse.ts";
import { renderOpenCounts, renderReport, startedReply, uncountedReply } from "./report.ts";
import {
  countSavedView,
  countSheetView,
  firstSheetBlock,
  readCountSheetForm,
  SheetErrors,
  sheetBlock,
  sheetLines,
} from "./sheet.ts";

/**
 * `/count`: stocktakes. Start one over a warehouse, zone, bins or items; count it blind in a
 * form of a page of lines at a time; finish it into a variance report whose small differences
 * post at once and large ones wait for the warehouse supervisor; or cancel it.
 */
export function registerCountCommand(router: SlackRouter, deps: CommandDeps): void {
  router.command(
    slashCommands.count,
    slashCommand(deps.logger, async (request) => {
      const { userId, locale } = request;
      const held = requirePermission(deps.db, userId, "stock.count");
      const parsed = parseCountRequest(deps.db, request.text);
      switch (parsed.kind) {
        case "list":
          return renderOpenCounts(deps, locale);
        case "start": {
          const started = startStocktake(deps.db, deps.clock, { ...parsed, userId });
          deps.notifier.kick();
          const view = readStocktake(deps.db, started.id);
          return view ? startedReply(view, locale) : undefined;
        }
        case "open": {
          const view = requireStocktake(deps, parsed.number);
          if (view.status !== "counting") return renderReport(deps, view.id, locale);
          const from = parsed.bin === undefined ? undefined : firstLineInBin(deps.db, view.id, parsed.bin);
          if (parsed.bin !== undefined && from === undefined) {
            return {
              text: messages(locale).count.noSuchBin({ number: view.number, bin: escapeMrkdwn(parsed.bin) }),
            };
          }
          await request.openModal(sheetFrom(deps, view, locale, from));
          return undefined;
        }
        case "finish":
          return finishAndReport(deps, requireStocktake(deps, parsed.number).id, userId, locale, false);
        case "cancel": {
          const view = requireStocktake(deps, parsed.number);
          const done = cancelStocktake(deps.db, deps.clock, {
            stocktakeId: view.id,
            userId,
            mayCancelAny: can(held, "stock.countCancelAny"),
          });
          deps.notifier.kick();
          return { text: messages(locale).count.cancelled(done) };
        }
        case "found": {
          const view = requireStocktake(deps, parsed.number);
          const place = resolvePlace(deps.db, parsed.bin, view.warehouseCode);
          if (!place) return { text: messages(locale).count.usage };
          const qty = parseQuantity(parsed.amount, parsed.item).baseQty;
          const done = countFoundStock(deps.db, deps.clock, {
            stocktakeId: view.id,
            itemId: parsed.item.id,
            locationId: place.locationId,
            qty,
            userId,
          });
          deps.notifier.kick();
          return {
            text: messages(locale).count.foundCounted({
              ...done,
              qty: `${qty.toLocaleString("en")} ${parsed.item.baseUnit}`,
              sku: escapeMrkdwn(parsed.item.sku),
              place: place.place,
            }),
          };
        }
        default:
          return { text: problemText(parsed, locale) };
      }
    }),
  );

  router.action<BlockAction<ButtonAction>>(
    actionPatterns.countOpen,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "stock.count");
      const view = readStocktake(deps.db, idOf(click.value));
      if (!view) throw new JxcError("STALE_ACTION");
      if (view.status !== "counting") {
        throw new JxcError("STOCKTAKE_CLOSED", { number: view.number, status: view.status });
      }
      await click.openModal(sheetFrom(deps, view, click.locale, undefined));
    }),
  );

  router.action<BlockAction<ButtonAction>>(
    actionIds.countFinish,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "stock.count");
      const reply = finishAndReport(deps, idOf(click.value), click.userId, click.locale, false);
      // The card sits in a channel: the report goes to the clicker alone, the card stays.
      await click.respond({ ...toEphemeral(reply), replace_original: false });
    }),
  );

  router.action<BlockAction<ButtonAction>>(
    actionIds.countFinishAnyway,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "stock.count");
      const reply = finishAndReport(deps, idOf(click.value), click.userId, click.locale, true);
      await click.respond({ ...toEphemeral(reply), replace_original: true });
    }),
  );

  router.action<BlockAction<ButtonAction>>(
    actionIds.countCancel,
    buttonAction(deps.logger, async (click) => {
      const held = requirePermission(deps.db, click.userId, "stock.count");
      const done = cancelStocktake(deps.db, deps.clock, {
        stocktakeId: idOf(click.value),
        userId: click.userId,
        mayCancelAny: can(held, "stock.countCancelAny"),
      });
      deps.notifier.kick();
      await click.respond({
        ...toEphemeral({ text: messages(click.locale).count.cancelled(done) }),
        replace_original: true,
      });
    }),
  );

  router.view(
    callbackIds.stocktakeCount,
    viewSubmission(deps.logger, { fieldBlocks: {}, fallbackBlock: "" }, (submit) => {
      // Every error of this form is answered here, beside a line that exists in the page shown.
      const fallback = firstSheetBlock(submit.privateMetadata) ?? "";
      try {
        requirePermission(deps.db, submit.userId, "stock.count");
        const form = readCountSheetForm(deps.db, submit);
        const progress = recordCounts(deps.db, deps.clock, {
          stocktakeId: form.stocktakeId,
          userId: submit.userId,
          entries: form.entries,
        });
        deps.notifier.kick();
        const view = readStocktake(deps.db, form.stocktakeId);
        if (!view) throw new JxcError("STALE_ACTION");
        const next = readCountSheet(deps.db, view.id, form.lastLineNo, sheetLines);
        if (next.length > 0) {
          const notice = messages(submit.locale).count.sheet.saved(progress);
          return { update: countSheetView(view, next, submit.locale, notice) };
        }
        return { update: countSavedView(view, firstUncountedLine(deps.db, view.id), submit.locale) };
      } catch (error) {
        if (error instanceof SheetErrors) return { errors: error.errors };
        // The domain names a line's field `line<id>`; the sheet shows it in that line's block.
        const lineId = isJxcError(error) ? /^line(\d+)$/.exec(error.field ?? "")?.[1] : undefined;
        const field = lineId === undefined ? undefined : sheetBlock(Number(lineId));
        return {
          errors: { [field ?? fallback]: errorText(error, submit, deps.logger, callbackIds.stocktakeCount) },
        };
      }
    }),
  );
}

function idOf(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new JxcError("STALE_ACTION");
  return id;
}

function requireStocktake(deps: CommandDeps, number: string): StocktakeView {
  const view = findStocktake(deps.db, number);
  if (!view) throw new JxcError("NOT_FOUND", { what: number });
  return view;
}

/** The sheet page that starts at line `fromLineNo`, else at the first line nobody has counted. */
function sheetFrom(deps: CommandDeps, view: StocktakeView, locale: Locale, fromLineNo: number | undefined) {
  const start = fromLineNo ?? firstUncountedLine(deps.db, view.id)?.lineNo ?? 1;
  return countSheetView(view, readCountSheet(deps.db, view.id, start - 1, sheetLines), locale);
}

/** Finishes and answers with the variance report, or asks first when lines are not counted. */
function finishAndReport(
  deps: CommandDeps,
  stocktakeId: number,
  userId: string,
  locale: Locale,
  allowUncounted: boolean,
): EphemeralReply {
  try {
    finishStocktake(deps.db, deps.clock, { stocktakeId, userId, allowUncounted });
  } catch (error) {
    if (isJxcError(error) && error.code === "UNCOUNTED_LINES")
      return uncountedReply(deps, stocktakeId, locale);
    throw error;
  }
  deps.notifier.kick();
  return renderReport(deps, stocktakeId, locale);
}

function problemText(problem: CountProblem, locale: Locale): string {
  const m = messages(locale).count;
  switch (problem.kind) {
    case "oneWarehouse":
      return m.oneWarehouse;
    case "mixed":
      return `${m.mixed({ input: escapeMrkdwn(problem.input) })}\n${m.usage}`;
    case "neither":
      return `${m.neither({ input: escapeMrkdwn(problem.input), warehouse: problem.warehouse })}\n${m.usage}`;
    default:
      return m.usage;
  }
}
