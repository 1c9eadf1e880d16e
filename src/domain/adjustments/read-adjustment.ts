import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { items, locations, stockAdjustments, warehouses } from "../../../db/schema.ts";

/** An ADJ as people read it: what, where, how many, why, worth how much, and where it stands. */
export interface AdjustmentFacts {
  number: string;
  sku: string;
  name: string;
  nameZh: string | null;
  unit: string;
  warehouse: string;
  bin: string;
  qtyDelta: number;
  reason: string;
  note: string | null;
  estimatedValue: number;
  status: "pending" | "posted" | "rejected" | "cancelled";
  requestedBy: string;
}

/** One adjustment with its item and place, for approval cards and its thread's card. */
export function readAdjustment(db: Pick<Db, "select">, id: number): AdjustmentFacts | undefined {
  return db
    .select({
      number: stockAdjustments.number,
      sku: items.sku,
      name: items.name,
      nameZh: items.nameZh,
      unit: items.baseUnit,
      warehouse: warehouses.code,
      bin: locations.code,
      qtyDelta: stockAdjustments.qtyDelta,
      reason: stockAdjustments.reason,
      note: stockAdjustments.note,
      estimatedValue: stockAdjustments.estimatedValue,
      status: stockAdjustments.status,
      requestedBy: stockAdjustments.requestedBy,
    })
    .from(stockAdjustments)
    .innerJoin(items, eq(items.id, stockAdjustments.itemId))
    .innerJoin(locations, eq(locations.id, stockAdjustments.locationId))
    .innerJoin(warehouses, eq(warehouses.id, locations.warehouseId))
    .where(eq(stockAdjustments.id, id))
    .get();
}
