import { and, desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { approvalRequests } from "../../db/schema.ts";
import { readApproval } from "../../src/domain/approvals/index.ts";
import { readPurchaseOrder } from "../../src/domain/purchasing/reads.ts";
import type { Locale } from "../../src/i18n/index.ts";
import type { RenderedMessage } from "../../src/notify/contract.ts";
import { stepLine } from "../approve/card.ts";
import type { Company } from "../deps.ts";
import { renderPurchaseOrder } from "../po/render.ts";

/** The approval steps of a document's latest request, as lines (empty when it never needed one). */
export function approvalStepLines(db: Db, docType: string, docId: number, locale: Locale): string[] {
  const request = db
    .select({ id: approvalRequests.id })
    .from(approvalRequests)
    .where(and(eq(approvalRequests.docType, docType), eq(approvalRequests.docId, docId)))
    .orderBy(desc(approvalRequests.id))
    .get();
  const steps = request ? (readApproval(db, request.id)?.steps ?? []) : [];
  return steps.map((s) => stepLine(s, locale));
}

/** The head of a PO thread: the whole contract and where it stands now. */
export function renderPurchaseOrderCard(
  db: Db,
  docId: number,
  locale: Locale,
  company: Company,
): RenderedMessage {
  const po = readPurchaseOrder(db, docId);
  if (!po) return { text: `#${docId}`, blocks: [] };
  return renderPurchaseOrder(po, locale, company, {
    steps: approvalStepLines(db, "purchase_order", docId, locale),
  });
}
