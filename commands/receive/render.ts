import type { Db } from "../../db/client.ts";
import type { ReceiptView } from "../../src/domain/receiving/read-receipt.ts";
import { readGoodsReceipt } from "../../src/domain/receiving/read-receipt.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { baseQuantity } from "../po/render.ts";

const unique = (values: readonly (string | null)[]) => [...new Set(values.filter((v) => v !== null))];

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

/** One line per rejected PO line: what waits as a return to the supplier. */
export function rejectedLines(receipt: ReceiptView, locale: Locale): string[] {
  const m = messages(locale).receive;
  return receipt.lines
    .filter((line) => line.rejected > 0)
    .map((line) =>
      m.rejectedLine({
        qty: baseQuantity(line.rejected, line.unit),
        sku: escapeMrkdwn(line.sku),
        reason: line.rejectReason ? m.reasons[line.rejectReason] : "",
      }),
    );
}

/** The receipt as told in the PO's thread (and the PO author's DM). */
export function receiptThreadText(
  db: Db,
  data: { receiptId: number; number: string; actor: string; status: string },
  locale: Locale,
): string | undefined {
  const receipt = readGoodsReceipt(db, data.receiptId);
  if (!receipt) return undefined;
  const m = messages(locale).receive;
  const head = `*${data.number}* · ${m.thread({
    receipt: receipt.number,
    summary: receiptSummary(receipt, locale),
    status: data.status,
    by: `<@${data.actor}>`,
  })}`;
  return [head, ...rejectedLines(receipt, locale)].join("\n");
}
