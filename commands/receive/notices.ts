import type { KnownBlock } from "@slack/types";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { approvalRequests, goodsReceipts, purchaseOrders, suppliers } from "../../db/schema.ts";
import { readApproval } from "../../src/domain/approvals/index.ts";
import { formatMoney } from "../../src/domain/money.ts";
import { isPurchaseOrderStatus } from "../../src/domain/purchasing/states.ts";
import { readGoodsReceipt } from "../../src/domain/receiving/read-receipt.ts";
import type { OverReceiptLine } from "../../src/domain/receiving/receipt-approval.ts";
import { readRejectDecision } from "../../src/domain/returns/read-rejects.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import type { RenderContext, RenderedMessage } from "../../src/notify/contract.ts";
import { clip, context, header, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { stepLine } from "../approve/card.ts";
import { baseQuantity, localName } from "../po/render.ts";
import { receiptSummary } from "./render.ts";

function line(text: string): RenderedMessage {
  return { text, blocks: [section(text)] };
}

const poStatusName = (locale: Locale, status: unknown) =>
  typeof status === "string" && isPurchaseOrderStatus(status) ? messages(locale).po.statuses[status] : "";

/** The reason the supervisor gave when refusing a receipt (the latest request's rejected step). */
function refusalReason(db: Db, receiptId: number): string {
  const request = db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.docType, "goods_receipt"), eq(approvalRequests.docId, receiptId)))
    .orderBy(desc(approvalRequests.id))
    .get();
  const view = request ? readApproval(db, request.id) : undefined;
  return view?.steps.find((s) => s.status === "rejected")?.reason ?? "";
}

const noteData = z.object({
  event: z.string(),
  actor: z.string(),
  number: z.string(),
  receipt: z.string(),
  receiptId: z.number(),
  decisionId: z.number().optional(),
  to: z.string().optional(),
  receiver: z.string().optional(),
});

/** A receipt event as one line in the PO's thread and the PO author's DM. */
export function receiptNote(data: Record<string, unknown>, ctx: RenderContext): RenderedMessage {
  const note = noteData.parse(data);
  const r = messages(ctx.locale).returns;
  const by = `<@${note.actor}>`;
  if (note.event === "receipt.awaiting_approval") {
    return line(r.over.thread.awaiting({ number: note.number, receipt: note.receipt, by }));
  }
  if (note.event === "receipt.refused") {
    const reason = escapeMrkdwn(refusalReason(ctx.db, note.receiptId));
    return line(r.over.thread.refused({ number: note.number, receipt: note.receipt, by, reason }));
  }
  const decision = note.decisionId === undefined ? undefined : readRejectDecision(ctx.db, note.decisionId);
  if (!decision) return line(`*${note.number}* · ${note.receipt}`);
  const common = {
    number: note.number,
    qty: baseQuantity(decision.qty, decision.unit),
    sku: escapeMrkdwn(decision.sku),
    receipt: decision.receipt,
    by,
    status: poStatusName(ctx.locale, note.to),
  };
  if (decision.decision === "accept") {
    return line(
      r.thread.accept({
        ...common,
        place: escapeMrkdwn(decision.place ?? ""),
        value: formatMoney(decision.qty * decision.unitPrice, ctx.company.currency, ctx.locale),
      }),
    );
  }
  const supplier = escapeMrkdwn(localName(ctx.locale, decision.supplier.name, decision.supplier.nameZh));
  return line(r.thread[decision.decision]({ ...common, rtn: decision.number ?? "", supplier }));
}

/** What the warehouse must now do physically with rejected goods purchasing decided on. */
export function warehouseInstruction(data: Record<string, unknown>, ctx: RenderContext): RenderedMessage {
  const parsed = z.object({ decisionId: z.number(), actor: z.string() }).parse(data);
  const decision = readRejectDecision(ctx.db, parsed.decisionId);
  if (!decision) return line(`#${parsed.decisionId}`);
  const w = messages(ctx.locale).returns.warehouse;
  const reasons = messages(ctx.locale).receive.reasons;
  const common = {
    qty: baseQuantity(decision.qty, decision.unit),
    sku: escapeMrkdwn(decision.sku),
    receipt: decision.receipt,
    reason: decision.rejectReason ? reasons[decision.rejectReason] : "",
    by: `<@${parsed.actor}>`,
  };
  if (decision.decision === "accept") {
    return line(w.accept({ ...common, place: escapeMrkdwn(decision.place ?? "") }));
  }
  const supplier = escapeMrkdwn(localName(ctx.locale, decision.supplier.name, decision.supplier.nameZh));
  return line(w[decision.decision]({ ...common, supplier, rtn: decision.number ?? "" }));
}

/** "+20 pcs (20%)"-style facts of one over-received line, for the keeper and the approver. */
export function overLineText(over: OverReceiptLine, locale: Locale): string {
  const r = messages(locale).returns.over;
  const excess = Math.max(over.before + over.accepted - over.ordered, 0);
  const pct = Math.round((excess * 1000) / over.ordered) / 10;
  return r.line({
    sku: escapeMrkdwn(over.sku),
    accepted: baseQuantity(over.accepted, over.unit),
    ordered: baseQuantity(over.ordered, over.unit),
    before: over.before === 0 ? r.noneBefore : baseQuantity(over.before, over.unit),
    over: baseQuantity(excess, over.unit),
    pct: pct.toLocaleString("en"),
    most: baseQuantity(over.most, over.unit),
  });
}

const overSummary = z.object({
  po: z.string(),
  supplier: z.object({ code: z.string(), name: z.string(), nameZh: z.string().nullable() }),
  receivedBy: z.string(),
  tolerancePct: z.number(),
  within: z.number(),
  lines: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      nameZh: z.string().nullable(),
      unit: z.string(),
      ordered: z.number(),
      before: z.number(),
      accepted: z.number(),
      rejected: z.number(),
      most: z.number(),
      place: z.string().nullable(),
    }),
  ),
});

/** An over-receipt for its approver: each line over the tolerance, how much over the order and by what %. */
export function describeOverReceipt(summary: Record<string, unknown>, locale: Locale): string {
  const parsed = overSummary.safeParse(summary);
  if (!parsed.success) return escapeMrkdwn(JSON.stringify(summary));
  const s = parsed.data;
  const r = messages(locale).returns.over;
  const lines = s.lines.map(
    (l) => `• ${overLineText(l, locale)}${l.place ? ` · ${escapeMrkdwn(l.place)}` : ""}`,
  );
  const text = r.card({
    number: s.po,
    supplier: escapeMrkdwn(`${s.supplier.code} · ${localName(locale, s.supplier.name, s.supplier.nameZh)}`),
    by: `<@${s.receivedBy}>`,
    lines: lines.join("\n"),
    pct: s.tolerancePct,
  });
  return [text, s.within > 0 ? r.within({ count: s.within }) : "", r.effect].filter(Boolean).join("\n");
}

/** The head of a GR's own thread (in the warehouse channel, opened by its approval). */
export function renderReceiptCard(db: Db, receiptId: number, locale: Locale): RenderedMessage {
  const row = db
    .select({
      number: goodsReceipts.number,
      status: goodsReceipts.status,
      po: purchaseOrders.number,
      supplier: suppliers.name,
      supplierZh: suppliers.nameZh,
    })
    .from(goodsReceipts)
    .innerJoin(purchaseOrders, eq(purchaseOrders.id, goodsReceipts.purchaseOrderId))
    .innerJoin(suppliers, eq(suppliers.id, purchaseOrders.supplierId))
    .where(eq(goodsReceipts.id, receiptId))
    .get();
  const receipt = readGoodsReceipt(db, receiptId);
  if (!row || !receipt) return { text: `#${receiptId}`, blocks: [] };
  const r = messages(locale).returns;
  const title = r.receiptTitle({
    receipt: row.number,
    number: row.po,
    supplier: localName(locale, row.supplier, row.supplierZh),
  });
  const status = r.receiptStatuses[row.status];
  const blocks: KnownBlock[] = [
    header(title),
    section(`${status} · ${receiptSummary(receipt, locale)} · <@${receipt.receivedBy}>`),
  ];
  const request = db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.docType, "goods_receipt"), eq(approvalRequests.docId, receiptId)))
    .orderBy(desc(approvalRequests.id))
    .get();
  const steps = request ? (readApproval(db, request.id)?.steps ?? []) : [];
  if (steps.length > 0) blocks.push(context(steps.map((s) => stepLine(s, locale))));
  return { text: clip(`${title} · ${status}`, limits.sectionText), blocks };
}
