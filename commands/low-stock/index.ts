import type { BlockAction, ButtonAction as SlackButton } from "@slack/bolt";
import type { Db } from "../../db/client.ts";
import { JxcError } from "../../src/domain/errors.ts";
import {
  type DraftOutcome,
  draftPurchaseOrderForLowStock,
  type SnoozeOutcome,
  snoozeLowStock,
} from "../../src/domain/low-stock/actions.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { toEphemeral } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { slackDate } from "../../src/slack/slack-date.ts";
import { todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds, actionPatterns } from "../names.ts";
import { baseQuantity } from "../po/render.ts";
import { alertRef, snoozeChoices } from "./render.ts";

function parseRef(raw: string): { itemId: number; episode: number } {
  try {
    return alertRef.parse(JSON.parse(raw));
  } catch {
    throw new JxcError("STALE_ACTION");
  }
}

function itemWords(db: Db, itemId: number): { sku: string; unit: string } {
  const row = db.$client.prepare("select sku, base_unit from items where id = ?").raw().get(itemId) as
    | [string, string]
    | undefined;
  return { sku: escapeMrkdwn(row?.[0] ?? String(itemId)), unit: row?.[1] ?? "" };
}

function draftReply(locale: Locale, outcome: DraftOutcome, item: { sku: string; unit: string }): string {
  const m = messages(locale).lowStock;
  const { sku } = item;
  switch (outcome.kind) {
    case "drafted":
      return m.draftedReply({
        number: outcome.number,
        qty: baseQuantity(outcome.qty, item.unit),
        sku,
        supplier: escapeMrkdwn(outcome.supplierCode),
      });
    case "already":
      return m.alreadyDrafted({ number: outcome.number, by: `<@${outcome.by}>` });
    case "no_supplier":
      return m.noSupplierReply({ sku });
    case "supplier_archived":
      return m.supplierArchivedReply({ sku, supplier: escapeMrkdwn(outcome.supplierCode) });
    case "no_price":
      return m.noPriceReply({ sku, supplier: escapeMrkdwn(outcome.supplierCode) });
    case "on_drafts":
      return m.onDraftsReply({ sku, numbers: outcome.numbers.join(", ") });
    case "cannot_size":
      return m.cannotSizeReply({ sku, days: outcome.windowDays });
    case "stale":
      return m.staleReply;
    case "replenished":
      return m.replenishedReply({ sku });
  }
}

function snoozeReply(locale: Locale, outcome: SnoozeOutcome, sku: string): string {
  const m = messages(locale).lowStock;
  switch (outcome.kind) {
    case "snoozed":
      return m.snoozedReply({ sku, until: slackDate(outcome.until) });
    case "already":
      return m.alreadySnoozed({ sku, until: slackDate(outcome.until), by: `<@${outcome.by}>` });
    case "stale":
      return m.staleReply;
    case "replenished":
      return m.replenishedReply({ sku });
  }
}

/**
 * The buttons of a low-stock alert: Draft PO (purchasing roles) and Snooze 1 / 7 days (warehouse
 * and purchasing roles), each checked again on the server. The clicker gets an ephemeral answer;
 * the alert itself is rewritten everywhere through the outbox.
 */
export function registerLowStockButtons(router: SlackRouter, deps: CommandDeps): void {
  router.action<BlockAction<SlackButton>>(
    actionIds.lowStockDraft,
    buttonAction(deps.logger, async (click) => {
      const ref = parseRef(click.value);
      const outcome = draftPurchaseOrderForLowStock(deps.db, deps.clock, {
        ...ref,
        userId: click.userId,
        today: todayIn(deps.company.timeZone, deps.clock.now()),
        currency: deps.company.currency,
      });
      deps.notifier.kick();
      const text = draftReply(click.locale, outcome, itemWords(deps.db, ref.itemId));
      await click.respond({ ...toEphemeral({ text }), replace_original: false });
    }),
  );
  router.action<BlockAction<SlackButton>>(
    actionPatterns.lowStockSnooze,
    buttonAction(deps.logger, async (click) => {
      const ref = parseRef(click.value);
      const days = Number(click.actionId.slice(actionIds.lowStockSnoozePrefix.length));
      if (!(snoozeChoices as readonly number[]).includes(days)) throw new JxcError("STALE_ACTION");
      const outcome = snoozeLowStock(deps.db, deps.clock, { ...ref, days, userId: click.userId });
      deps.notifier.kick();
      const text = snoozeReply(click.locale, outcome, itemWords(deps.db, ref.itemId).sku);
      await click.respond({ ...toEphemeral({ text }), replace_original: false });
    }),
  );
}
