import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { z } from "zod";
import { getItem } from "../../src/domain/catalogue/items.ts";
import { JxcError } from "../../src/domain/errors.ts";
import { formatMoney } from "../../src/domain/money.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { parseQuantity } from "../../src/domain/quantity.ts";
import {
  decideRejectedGoods,
  isRejectDecisionKind,
  type RejectDecided,
  requireUndecided,
} from "../../src/domain/returns/decide-rejects.ts";
import { type RejectedLineFacts, readRejectedLine } from "../../src/domain/returns/read-rejects.ts";
import { placeName } from "../../src/domain/stock/place-names.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { clip, limits, section, toEphemeral } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { viewSubmission } from "../../src/slack/view-submission.ts";
import { parseJson } from "../../src/text/parse-json.ts";
import type { CommandDeps } from "../deps.ts";
import { actionPatterns, callbackIds } from "../names.ts";
import { resolvePlace } from "../places.ts";
import { baseQuantity } from "../po/render.ts";
import { binWithStock, withField } from "./modal.ts";
import { parseDecisionToken } from "./render.ts";

const qtyBlock = "accept_qty";
const binBlock = "accept_bin";
const acceptMetadata = z.object({ lineId: z.number().int(), undecided: z.number().int() });

/**
 * Return / Replace / Accept anyway on the PO-thread message that announced rejected goods
 * (and its copy in the PO author's DM). Return and Replace decide at once (Slack asks to
 * confirm first); Accept anyway asks how many and into which bin. The domain checks the
 * clicker's role and whether it is still undecided, so a stale copy changes nothing.
 */
export function registerRejectDecisions(router: SlackRouter, deps: CommandDeps): void {
  router.action<BlockAction<ButtonAction>>(
    actionPatterns.rejectDecision,
    buttonAction(deps.logger, async (click) => {
      const decision = /^reject_(return|replace|accept)_/.exec(click.actionId)?.[1] ?? "";
      const token = parseDecisionToken(click.value);
      if (!token || !isRejectDecisionKind(decision)) throw new JxcError("STALE_ACTION");
      requirePermission(deps.db, click.userId, "po.rejects");
      if (decision === "accept") {
        // A stale copy says so before any form opens (the submission checks again).
        requireUndecided(deps.db, token.lineId, token.undecided);
        const line = readRejectedLine(deps.db, token.lineId);
        if (!line) throw new JxcError("STALE_ACTION");
        await click.openModal(acceptModal(deps, line, click.locale));
        return;
      }
      const done = decideRejectedGoods(deps.db, deps.clock, {
        goodsReceiptLineId: token.lineId,
        decision,
        qty: token.undecided,
        expectedUndecided: token.undecided,
        userId: click.userId,
      });
      deps.notifier.kick();
      await click.respond({
        ...toEphemeral({ text: doneText(deps, done, click.locale) }),
        replace_original: false,
      });
    }),
  );

  router.view(
    callbackIds.rejectAccept,
    viewSubmission(
      deps.logger,
      { fieldBlocks: { qty: qtyBlock, bin: binBlock }, fallbackBlock: qtyBlock },
      (submit) => {
        const metadata = acceptMetadata.safeParse(parseJson(submit.privateMetadata));
        if (!metadata.success) throw new JxcError("STALE_ACTION");
        const line = readRejectedLine(deps.db, metadata.data.lineId);
        const item = line && getItem(deps.db, line.itemId);
        if (!line || !item) throw new JxcError("STALE_ACTION");
        const qtyText = submit.value(qtyBlock, qtyBlock).trim();
        const qty =
          qtyText === "" ? line.undecided : withField(() => parseQuantity(qtyText, item).baseQty, "qty");
        const binText = submit.value(binBlock, binBlock).trim();
        const place = binText === "" ? undefined : withField(() => resolvePlace(deps.db, binText), "bin");
        if (binText !== "" && !place) {
          return { errors: { [binBlock]: messages(submit.locale).receive.badBin({ input: binText }) } };
        }
        const done = decideRejectedGoods(deps.db, deps.clock, {
          goodsReceiptLineId: line.goodsReceiptLineId,
          decision: "accept",
          qty,
          expectedUndecided: metadata.data.undecided,
          ...(place ? { locationId: place.locationId } : {}),
          userId: submit.userId,
        });
        deps.notifier.kick();
        return { update: doneView(doneText(deps, done, submit.locale), submit.locale) };
      },
    ),
  );
}

function placeText(deps: CommandDeps, locationId: number | null): string {
  const place = locationId === null ? undefined : placeName(deps.db, locationId);
  return place ? `${place.warehouseCode}/${place.locationCode}` : "";
}

/** The decider's answer: the RTN or the bin, the PO's status now, and what still waits. */
function doneText(deps: CommandDeps, done: RejectDecided, locale: Locale): string {
  const r = messages(locale).returns;
  const common = {
    qty: baseQuantity(done.qty, done.unit),
    sku: escapeMrkdwn(done.sku),
    number: done.poNumber,
    status: messages(locale).po.statuses[done.poStatus],
  };
  const text =
    done.decision === "accept"
      ? r.done.accept({
          ...common,
          place: escapeMrkdwn(placeText(deps, done.locationId)),
          value: formatMoney(done.value, deps.company.currency, locale),
        })
      : r.done[done.decision]({ ...common, rtn: done.number ?? "" });
  return done.undecided > 0 ? text + r.left({ qty: baseQuantity(done.undecided, done.unit) }) : text;
}

function acceptModal(deps: CommandDeps, line: RejectedLineFacts, locale: Locale): ModalView {
  const r = messages(locale).returns;
  const reasons = messages(locale).receive.reasons;
  const bin = placeText(deps, line.locationId) || (binWithStock(deps.db, line.itemId)?.place ?? "");
  const qty = baseQuantity(line.undecided, line.unit);
  const input = (blockId: string, label: string, initial: string, hint?: string) => ({
    type: "input" as const,
    block_id: blockId,
    label: { type: "plain_text" as const, text: clip(label, 2000) },
    element: {
      type: "plain_text_input" as const,
      action_id: blockId,
      max_length: 40,
      ...(initial ? { initial_value: initial } : {}),
      ...(hint ? { placeholder: { type: "plain_text" as const, text: hint } } : {}),
    },
  });
  return {
    type: "modal",
    callback_id: callbackIds.rejectAccept,
    private_metadata: JSON.stringify({ lineId: line.goodsReceiptLineId, undecided: line.undecided }),
    title: { type: "plain_text", text: clip(r.modal.title, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(r.modal.submit, limits.modalTitle) },
    close: { type: "plain_text", text: clip(r.modal.close, limits.modalTitle) },
    blocks: [
      section(
        r.modal.intro({
          qty,
          sku: escapeMrkdwn(line.sku),
          receipt: line.receipt,
          reason: line.rejectReason ? reasons[line.rejectReason] : "",
          price: formatMoney(line.unitPrice, deps.company.currency, locale),
        }),
      ),
      input(qtyBlock, r.modal.qty({ qty }), String(line.undecided)),
      input(binBlock, r.modal.bin, bin, "MAIN/A-01"),
    ],
  };
}

function doneView(text: string, locale: Locale): ModalView {
  const r = messages(locale).returns.modal;
  return {
    type: "modal",
    callback_id: `${callbackIds.rejectAccept}_done`,
    title: { type: "plain_text", text: clip(r.title, limits.modalTitle) },
    close: { type: "plain_text", text: clip(r.done, limits.modalTitle) },
    blocks: [section(text)],
  };
}
