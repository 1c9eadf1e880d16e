import type { KnownBlock } from "@slack/types";
import type { Db } from "../../db/client.ts";
import type { ReceiptView } from "../../src/domain/receiving/read-receipt.ts";
import { readGoodsReceipt } from "../../src/domain/receiving/read-receipt.ts";
import {
  type RejectDecisionView,
  type RejectedLineView,
  readRejectedLines,
} from "../../src/domain/returns/read-rejects.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import type { RenderedMessage } from "../../src/notify/contract.ts";
import { clip, context, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { actionIds } from "../names.ts";
import { baseQuantity } from "../po/render.ts";

const unique = (values: readonly (string | null)[]) => [...new Set(values.filter((v) => v !== null))];

/** Rejected lines that get their own buttons in one message: two blocks each, within Slack's 50. */
export const maxDecisionLines = 20;

/** "80 accepted, 20 rejected (damaged) into MAIN/A-01": a whole receipt in one phrase. */
export function receiptSummary(receipt: ReceiptView, locale: Locale): string {
  const m = messages(locale).receive;
  const sum = (key: "accepted" | "rejected") => receipt.lines.reduce((total, line) => total + line[key], 0);
  return m.summary({
    accepted: sum("accepted"),
    rejected: sum("rejected"),
    reasons: unique(
      receipt.lines.map((l) => (l.rejected > 0 && l.rejectReason ? m.reasons[l.rejectReason] : null)),
    ).join(", "),
    places: escapeMrkdwn(unique(receipt.lines.map((l) => (l.accepted > 0 ? l.place : null))).join(", ")),
  });
}

function decisionText(line: RejectedLineView, decision: RejectDecisionView, locale: Locale): string {
  const d = messages(locale).returns.decided;
  const qty = baseQuantity(decision.qty, line.unit);
  const by = `<@${decision.decidedBy}>`;
  if (decision.decision === "accept") {
    return d.accept({ qty, place: escapeMrkdwn(decision.place ?? ""), by });
  }
  return d[decision.decision]({ qty, number: decision.number ?? "", by });
}

/** A rejected line as the PO thread reads it: what, why, what was decided, what still waits. */
export function rejectedLineText(line: RejectedLineView, locale: Locale): string {
  const r = messages(locale).returns;
  const reasons = messages(locale).receive.reasons;
  const head = r.lineHead({
    qty: baseQuantity(line.rejected, line.unit),
    sku: escapeMrkdwn(line.sku),
    reason: line.rejectReason ? reasons[line.rejectReason] : "",
  });
  const decided = line.decisions.map((d) => `• ${decisionText(line, d, locale)}`);
  if (line.undecided === 0) return [head, ...decided].join("\n");
  if (decided.length === 0) return `${head}: ${r.waiting}`;
  return [head, ...decided, r.stillWaiting({ qty: baseQuantity(line.undecided, line.unit) })].join("\n");
}

/** The token a decision button carries: which GR line, and how much the clicker saw waiting. */
export function decisionToken(line: { goodsReceiptLineId: number; undecided: number }): string {
  return `${line.goodsReceiptLineId}:${line.undecided}`;
}

/** Reads a decision button's token back; undefined when it is not one. */
export function parseDecisionToken(value: string): { lineId: number; undecided: number } | undefined {
  const match = /^(\d{1,12}):(\d{1,12})$/.exec(value);
  return match ? { lineId: Number(match[1]), undecided: Number(match[2]) } : undefined;
}

function decisionButtons(line: RejectedLineView, poNumber: string, locale: Locale): KnownBlock {
  const r = messages(locale).returns;
  const value = decisionToken(line);
  const facts = { qty: baseQuantity(line.undecided, line.unit), sku: line.sku, number: poNumber };
  const confirm = (title: string, text: string) => ({
    title: { type: "plain_text" as const, text: clip(title, 100) },
    text: { type: "plain_text" as const, text: clip(text, 300) },
    confirm: { type: "plain_text" as const, text: clip(r.confirm.yes, 30) },
    deny: { type: "plain_text" as const, text: clip(r.confirm.no, 30) },
  });
  const id = (decision: string) => `${actionIds.rejectDecisionPrefix}${decision}_${line.goodsReceiptLineId}`;
  return {
    type: "actions",
    block_id: `reject_${line.goodsReceiptLineId}`,
    elements: [
      {
        type: "button",
        action_id: id("return"),
        text: { type: "plain_text", text: clip(r.buttons.return, limits.buttonText) },
        value,
        confirm: confirm(r.confirm.returnTitle, r.confirm.returnText(facts)),
      },
      {
        type: "button",
        action_id: id("replace"),
        text: { type: "plain_text", text: clip(r.buttons.replace, limits.buttonText) },
        value,
        confirm: confirm(r.confirm.replaceTitle, r.confirm.replaceText(facts)),
      },
      {
        type: "button",
        action_id: id("accept"),
        text: { type: "plain_text", text: clip(r.buttons.accept, limits.buttonText) },
        style: "primary",
        value,
      },
    ],
  };
}

/**
 * The receipt as told in the PO's thread (and the PO author's DM): the receipt, then each
 * rejected line with Return / Replace / Accept anyway while any of it waits, or who decided
 * what once it is settled. Drawn from the database each time, so every rewrite is current.
 */
export function receiptThreadMessage(
  db: Db,
  data: { receiptId: number; number: string; actor: string; status: string; approvedBy?: string },
  locale: Locale,
): RenderedMessage | undefined {
  const receipt = readGoodsReceipt(db, data.receiptId);
  if (!receipt) return undefined;
  const m = messages(locale).receive;
  const head = `*${data.number}* · ${m.thread({
    receipt: receipt.number,
    summary: receiptSummary(receipt, locale),
    status: data.status,
    by: `<@${data.actor}>`,
  })}${data.approvedBy ? messages(locale).returns.over.approvedBy({ by: `<@${data.approvedBy}>` }) : ""}`;
  const rejected = readRejectedLines(db, data.receiptId);
  const texts = rejected.map((line) => rejectedLineText(line, locale));
  const blocks: KnownBlock[] = [section(head)];
  const settled = rejected.flatMap((line, i) => (line.undecided === 0 ? [texts[i] ?? ""] : []));
  if (settled.length > 0) blocks.push(section(settled.join("\n")));
  const waiting = rejected.flatMap((line, i) => (line.undecided > 0 ? [{ line, text: texts[i] ?? "" }] : []));
  for (const { line, text } of waiting.slice(0, maxDecisionLines)) {
    blocks.push(section(text), decisionButtons(line, data.number, locale));
  }
  if (waiting.length > maxDecisionLines) {
    blocks.push(context([messages(locale).returns.more({ count: waiting.length - maxDecisionLines })]));
  }
  return { text: clip([head, ...texts].join("\n"), limits.sectionText), blocks };
}
