import type { KnownBlock } from "@slack/types";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { approvalRequests } from "../../db/schema.ts";
import { readAdjustment } from "../../src/domain/adjustments/read-adjustment.ts";
import { readApproval } from "../../src/domain/approvals/index.ts";
import { formatMoney } from "../../src/domain/money.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import type { RenderedMessage } from "../../src/notify/contract.ts";
import { context, fields, header, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { stepLine } from "../approve/card.ts";
import { reasonName, signedQuantity } from "../approve/describe.ts";
import type { Company } from "../deps.ts";

/** The head of an ADJ thread: what, where, why, worth, and where its approval stands now. */
export function renderAdjustmentCard(
  db: Db,
  docId: number,
  locale: Locale,
  company: Company,
): RenderedMessage {
  const m = messages(locale).adjust;
  const row = readAdjustment(db, docId);
  if (!row) return { text: `#${docId}`, blocks: [] };
  const title = m.docTitle({ number: row.number });
  const a = messages(locale).approvals;
  const line = m.docLine({
    qty: signedQuantity(row.qtyDelta, row.unit),
    sku: escapeMrkdwn(row.sku),
    name: escapeMrkdwn(locale === "zh-CN" && row.nameZh ? row.nameZh : row.name),
    place: escapeMrkdwn(`${row.warehouse}/${row.bin}`),
    reason: reasonName(locale, row.reason),
  });
  const blocks: KnownBlock[] = [
    header(title),
    section(row.note ? `${line}\n> ${escapeMrkdwn(row.note)}` : line),
    fields([
      `*${a.requestedBy}*\n<@${row.requestedBy}>`,
      `*${a.amount}*\n${formatMoney(row.estimatedValue, company.currency, locale)}`,
      m.status[row.status],
    ]),
  ];
  const request = db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.docType, "stock_adjustment"), eq(approvalRequests.docId, docId)))
    .orderBy(desc(approvalRequests.id))
    .get();
  const steps = request ? (readApproval(db, request.id)?.steps ?? []) : [];
  if (steps.length > 0) blocks.push(context(steps.map((s) => stepLine(s, locale))));
  return { text: `${title} · ${m.status[row.status]}`, blocks };
}
