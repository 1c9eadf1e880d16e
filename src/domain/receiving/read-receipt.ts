import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { goodsReceiptLines, goodsReceipts, items, purchaseOrderLines } from "../../../db/schema.ts";
import type { RejectReason } from "../../../db/tables/receiving.ts";
import { placeName } from "../stock/place-names.ts";

/** One GR line as people read it. */
export interface ReceiptLineView {
  sku: string;
  unit: string;
  accepted: number;
  rejected: number;
  rejectReason: RejectReason | null;
  /** WAREHOUSE/BIN where accepted stock went, when any was accepted. */
  place: string | null;
}

/** A posted GR with its lines, for the PO thread and the keeper's reply. */
export interface ReceiptView {
  number: string;
  receivedBy: string;
  lines: ReceiptLineView[];
}

/** Reads one goods receipt by id. */
export function readGoodsReceipt(db: Db, id: number): ReceiptView | undefined {
  const receipt = db
    .select({ number: goodsReceipts.number, receivedBy: goodsReceipts.receivedBy })
    .from(goodsReceipts)
    .where(eq(goodsReceipts.id, id))
    .get();
  if (!receipt) return undefined;
  const lines = db
    .select({
      sku: items.sku,
      unit: items.baseUnit,
      accepted: goodsReceiptLines.accepted,
      rejected: goodsReceiptLines.rejected,
      rejectReason: goodsReceiptLines.rejectReason,
      locationId: goodsReceiptLines.locationId,
    })
    .from(goodsReceiptLines)
    .innerJoin(purchaseOrderLines, eq(purchaseOrderLines.id, goodsReceiptLines.purchaseOrderLineId))
    .innerJoin(items, eq(items.id, purchaseOrderLines.itemId))
    .where(eq(goodsReceiptLines.goodsReceiptId, id))
    .orderBy(purchaseOrderLines.lineNo)
    .all()
    .map(({ locationId, ...line }) => {
      const place = locationId === null ? undefined : placeName(db, locationId);
      return { ...line, place: place ? `${place.warehouseCode}/${place.locationCode}` : null };
    });
  return { ...receipt, lines };
}
