import { z } from "zod";
import { readApproval } from "../../src/domain/approvals/index.ts";
import { formatMoney } from "../../src/domain/money.ts";
import { isPurchaseOrderStatus } from "../../src/domain/purchasing/states.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import type { RenderContext, RenderedMessage, Template } from "../../src/notify/contract.ts";
import { adjustmentTemplates } from "../../src/notify/planners/adjustments.ts";
import { approvalTemplates } from "../../src/notify/planners/approvals.ts";
import { documentCardTemplate } from "../../src/notify/planners/documents.ts";
import { lowStockTemplates } from "../../src/notify/planners/low-stock.ts";
import { purchasePlanTemplates } from "../../src/notify/planners/purchase-plan.ts";
import { purchasingTemplates } from "../../src/notify/planners/purchasing.ts";
import { receivingTemplates } from "../../src/notify/planners/receiving.ts";
import { stocktakeTemplates } from "../../src/notify/planners/stocktakes.ts";
import { section } from "../../src/slack/blocks.ts";
import { formatDay } from "../../src/text/dates.ts";
import { renderApprovalCard } from "../approve/card.ts";
import { renderStocktakeCard, renderStocktakeNote } from "../count/card.ts";
import { renderHome } from "../home/render.ts";
import { renderLowStockAlert, renderLowStockList } from "../low-stock/render.ts";
import { renderWeeklyPlan } from "../po/plan-weekly.ts";
import { receiptNote, renderReceiptCard, warehouseInstruction } from "../receive/notices.ts";
import { receiptThreadMessage } from "../receive/render.ts";
import { renderAdjustmentCard } from "./adjustment-card.ts";
import { renderPurchaseOrderCard } from "./purchase-order-card.ts";

const cardData = z.object({
  requestId: z.number(),
  tier: z.number(),
  role: z.string().optional(),
  reminder: z.boolean().optional(),
});
const noteData = z.object({ requestId: z.number(), tier: z.number(), event: z.string(), actor: z.string() });
const documentData = z.object({ docType: z.string(), docId: z.number() });

function line(text: string): RenderedMessage {
  return { text, blocks: [section(text)] };
}

function roleName(locale: Locale, role: string | undefined): string {
  const names = messages(locale).roleNames as Record<string, string>;
  return role ? (names[role] ?? role) : "";
}

/** An approval event as one line: in the document's thread, the requester's DM, or a routed channel. */
function approvalNote(data: Record<string, unknown>, ctx: RenderContext): RenderedMessage {
  const note = noteData.parse(data);
  const view = readApproval(ctx.db, note.requestId);
  if (!view) return line(note.event);
  const m = messages(ctx.locale).approvals;
  const number = view.docNumber;
  const by = `<@${note.actor}>`;
  const step = view.steps.find((s) => s.tier === note.tier);
  const next = roleName(ctx.locale, view.steps.find((s) => s.tier === note.tier + 1)?.role);
  const reason = step?.reason ?? "";
  switch (note.event) {
    case "approval.requested":
      return line(
        m.threadRequested({
          number,
          by,
          roles: view.steps.map((s) => roleName(ctx.locale, s.role)).join(" → "),
        }),
      );
    case "approval.step_approved":
      return line(m.toRequesterStep({ number, by, next }));
    case "approval.approved":
      return line(m.toRequesterApproved({ number, by }) + receiverHint(view.docType, "approved", ctx.locale));
    case "approval.rejected":
      return line(
        m.toRequesterRejected({ number, by, reason }) + receiverHint(view.docType, "rejected", ctx.locale),
      );
    case "approval.cancelled":
      return line(`${number} · ${m.threadCancelled({ by })}`);
    case "approval.escalated":
      return line(m.toRequesterEscalated({ number, role: roleName(ctx.locale, String(data.to ?? "")) }));
    default:
      return line(`${number} · ${note.event}`);
  }
}

/** What a receiver does with the goods once their over-receipt is decided. */
function receiverHint(docType: string, verdict: "approved" | "rejected", locale: Locale): string {
  return docType === "goods_receipt" ? ` ${messages(locale).returns.over.toReceiver[verdict]}` : "";
}

const poNoteData = z.object({ event: z.string(), actor: z.string(), to: z.string().optional() });

const lateData = z.object({
  expectedDay: z.string(),
  daysLate: z.number(),
  level: z.string(),
  owner: z.string(),
});

/** A late PO: how late, and, once escalated, whose it is. */
function lateText(data: Record<string, unknown>, locale: Locale): string {
  const parsed = lateData.safeParse(data);
  if (!parsed.success) return "";
  const m = messages(locale).plan;
  const p = {
    expected: formatDay(parsed.data.expectedDay, locale),
    days: parsed.data.daysLate,
    owner: `<@${parsed.data.owner}>`,
  };
  return parsed.data.level === "manager" ? m.lateEscalated(p) : m.lateNote(p);
}

/** A PO's move as one line in its thread (and the author's DM). */
function poNote(data: Record<string, unknown>, ctx: RenderContext): RenderedMessage {
  const note = poNoteData.parse(data);
  const m = messages(ctx.locale).po;
  const by = `<@${note.actor}>`;
  const number = typeof data.number === "string" ? data.number : "";
  const status = isPurchaseOrderStatus(note.to) ? m.statuses[note.to] : "";
  const texts: Record<string, string> = {
    "po.created": m.thread.created({ by }),
    "po.sent": m.thread.sent({ by }),
    "po.held": m.thread.held({ by }),
    "po.resumed": m.thread.resumed({ by, status }),
    "po.cancelled": m.thread.cancelled({ by }),
    "po.closed": m.thread.closed({ by }),
    "po.received": m.thread.received({ status }),
    "po.late": lateText(data, ctx.locale),
  };
  if (note.event === "po.received" && typeof data.receiptId === "number") {
    const approvedBy = typeof data.approvedBy === "string" ? { approvedBy: data.approvedBy } : {};
    const told = receiptThreadMessage(
      ctx.db,
      { receiptId: data.receiptId, number, actor: note.actor, status, ...approvedBy },
      ctx.locale,
    );
    if (told) return told;
  }
  const text = texts[note.event] ?? note.event;
  return line(number ? `*${number}* · ${text}` : text);
}

/** Every template a planner may name, rendered at delivery time in the reader's language. */
export const noticeTemplates: Record<string, Template> = {
  [documentCardTemplate]: (data, ctx) => {
    const doc = documentData.parse(data);
    if (doc.docType === "stock_adjustment")
      return renderAdjustmentCard(ctx.db, doc.docId, ctx.locale, ctx.company);
    if (doc.docType === "purchase_order")
      return renderPurchaseOrderCard(ctx.db, doc.docId, ctx.locale, ctx.company);
    if (doc.docType === "stocktake") return renderStocktakeCard(ctx.db, doc.docId, ctx.locale, ctx.company);
    if (doc.docType === "goods_receipt") return renderReceiptCard(ctx.db, doc.docId, ctx.locale);
    return line(`${doc.docType} #${doc.docId}`);
  },
  [approvalTemplates.card]: (data, ctx) => {
    const card = cardData.parse(data);
    const view = readApproval(ctx.db, card.requestId);
    if (!view) return line(`#${card.requestId}`);
    return renderApprovalCard(view, ctx.locale, ctx.company, {
      tier: card.tier,
      ...(card.role ? { role: card.role } : {}),
      ...(card.reminder ? { reminder: true } : {}),
    });
  },
  [approvalTemplates.note]: approvalNote,
  // The Home tab is drawn for its owner: the delivery's target is the user whose tab it is.
  [approvalTemplates.home]: (_data, ctx) => renderHome(ctx, ctx.recipient, ctx.locale),
  [purchasingTemplates.note]: poNote,
  [purchasePlanTemplates.weekly]: (data, ctx) => renderWeeklyPlan(data, ctx.locale),
  [receivingTemplates.note]: receiptNote,
  [receivingTemplates.warehouse]: warehouseInstruction,
  [adjustmentTemplates.note]: (data, ctx) =>
    line(
      messages(ctx.locale).adjust.threadPosted({
        value: formatMoney(Number(data.value ?? 0), ctx.company.currency, ctx.locale),
      }),
    ),
  [stocktakeTemplates.note]: renderStocktakeNote,
  [lowStockTemplates.alert]: (data, ctx) => renderLowStockAlert(ctx.db, data, ctx.locale, ctx.clock.now()),
  [lowStockTemplates.digest]: (data, ctx) => renderLowStockList(data, ctx.locale, "digest"),
};
