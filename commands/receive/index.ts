import type { ModalView } from "@slack/types";
import { JxcError } from "../../src/domain/errors.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { readPurchaseOrder } from "../../src/domain/purchasing/reads.ts";
import { readReceivableLines } from "../../src/domain/receiving/open-lines.ts";
import { readGoodsReceipt } from "../../src/domain/receiving/read-receipt.ts";
import {
  type GoodsReceiptPosted,
  type ReceiptLineInput,
  receivableStatuses,
  receiveGoods,
} from "../../src/domain/receiving/receive-goods.ts";
import { readReceiptTolerancePct } from "../../src/domain/receiving/settings.ts";
import { requireNoWaitingReceipt } from "../../src/domain/receiving/waiting-receipt.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, type EphemeralReply, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { slashCommand } from "../../src/slack/slash-command.ts";
import { viewSubmission } from "../../src/slack/view-submission.ts";
import type { CommandDeps } from "../deps.ts";
import { callbackIds, slashCommands } from "../names.ts";
import { resolvePlace } from "../places.ts";
import { registerRejectDecisions } from "./decide.ts";
import {
  binWithStock,
  ReceiptFormErrors,
  readReceiptForm,
  receiptFieldBlocks,
  receiptModal,
} from "./modal.ts";
import { overLineText } from "./notices.ts";
import { receiptSummary } from "./render.ts";

const poNumber = /^PO-\d{1,9}$/i;

/**
 * `/receive PO-…`: the receiving form for a sent PO, or `/receive PO-… all [WH/BIN]` to accept
 * every open quantity. Either way one GR posts stock, moves the PO and tells its thread.
 */
export function registerReceiveCommand(router: SlackRouter, deps: CommandDeps): void {
  router.command(
    slashCommands.receive,
    slashCommand(deps.logger, async (request) => {
      const { userId, locale } = request;
      const [first = "", mode, placeText, ...rest] = request.text.split(/\s+/).filter(Boolean);
      const m = messages(locale).receive;
      if (!poNumber.test(first) || rest.length > 0 || (mode !== undefined && !/^(all|全部)$/i.test(mode))) {
        return { text: m.usage };
      }
      requirePermission(deps.db, userId, "po.receive");
      const po = readPurchaseOrder(deps.db, first);
      if (!po) throw new JxcError("NOT_FOUND", { what: first.toUpperCase() });
      if (!receivableStatuses.includes(po.status)) {
        throw new JxcError("ILLEGAL_TRANSITION", {
          number: po.number,
          status: po.status,
          action: "receive_part",
        });
      }
      // Refused before any form opens; the receipt itself checks again.
      requireNoWaitingReceipt(deps.db, po, "receive");
      const open = readReceivableLines(deps.db, po.id).filter((line) => line.open > 0);
      if (open.length === 0) return { text: m.nothingOpen({ number: po.number }) };
      if (mode === undefined) {
        const view: ModalView = receiptModal(deps.db, po, open, {
          locale,
          tolerancePct: readReceiptTolerancePct(deps.db),
        });
        await request.openModal(view);
        return undefined;
      }
      const place = placeText ? resolvePlace(deps.db, placeText) : undefined;
      if (placeText && !place) return { text: m.badBin({ input: placeText }) };
      const lines: ReceiptLineInput[] = [];
      for (const line of open) {
        const locationId = place?.locationId ?? binWithStock(deps.db, line.itemId)?.locationId;
        if (locationId === undefined)
          return { text: m.noBin({ sku: escapeMrkdwn(line.sku), number: po.number }) };
        lines.push({
          lineNo: line.lineNo,
          received: line.open,
          accepted: line.open,
          rejected: 0,
          locationId,
        });
      }
      const posted = receiveGoods(deps.db, deps.clock, { purchaseOrderId: po.id, lines, userId });
      deps.notifier.kick();
      return postedReply(deps, posted, locale);
    }),
  );

  router.view(
    callbackIds.goodsReceipt,
    viewSubmission(
      deps.logger,
      { fieldBlocks: receiptFieldBlocks(), fallbackBlock: "gr_line1_received" },
      (submit) => {
        requirePermission(deps.db, submit.userId, "po.receive");
        let form: ReturnType<typeof readReceiptForm>;
        try {
          form = readReceiptForm(deps.db, submit);
        } catch (error) {
          if (error instanceof ReceiptFormErrors) return { errors: error.errors };
          throw error;
        }
        const posted = receiveGoods(deps.db, deps.clock, {
          purchaseOrderId: form.poId,
          lines: form.lines,
          userId: submit.userId,
        });
        deps.notifier.kick();
        return { update: doneView(postedReply(deps, posted, submit.locale), submit.locale) };
      },
    ),
  );
  registerRejectDecisions(router, deps);
}

/** What the keeper reads once the receipt posted: the GR, what went where, the PO's new status. */
function postedReply(deps: CommandDeps, posted: GoodsReceiptPosted, locale: Locale): EphemeralReply {
  const m = messages(locale).receive;
  if (posted.status === "pending_approval") {
    const names = messages(locale).roleNames;
    const text = messages(locale).returns.over.pending({
      receipt: posted.number,
      number: posted.poNumber,
      pct: posted.tolerancePct,
      lines: posted.over.map((line) => `• ${overLineText(line, locale)}`).join("\n"),
      roles: posted.approverRoles.map((role) => names[role]).join(" → "),
    });
    return { text, blocks: [section(text)] };
  }
  const receipt = readGoodsReceipt(deps.db, posted.id);
  const summary = receipt ? receiptSummary(receipt, locale) : "";
  const text = m.posted({
    receipt: posted.number,
    number: posted.poNumber,
    summary,
    status: messages(locale).po.statuses[posted.poStatus],
  });
  const rejected = receipt?.lines.some((line) => line.rejected > 0) ?? false;
  const full = rejected ? `${text}\n${m.returnPending}` : text;
  return { text: full, blocks: [section(full)] };
}

function doneView(reply: EphemeralReply, locale: Locale): ModalView {
  const m = messages(locale).receive.modal;
  return {
    type: "modal",
    callback_id: `${callbackIds.goodsReceipt}_done`,
    title: { type: "plain_text", text: clip(m.title, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.done, limits.modalTitle) },
    blocks: reply.blocks ?? [section(reply.text)],
  };
}
