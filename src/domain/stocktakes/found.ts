import { and, eq, max } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { items, locations, stocktakeLines, warehouses } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import { readLocationTotals } from "../stock/ledger.ts";
import { shareStatements } from "../stock/statements.ts";
import type { Tx } from "../stock/types.ts";
import { type CountProgress, readProgress, requireCountedQty, requireCounting } from "./count.ts";
import { requireNoOverlap } from "./overlap.ts";
import { scopeCovers } from "./scope.ts";
import { countStatements } from "./statements.ts";

/** Stock a keeper found in a bin of the count, as typed: item, bin, base units. */
export interface FoundStock {
  stocktakeId: number;
  itemId: number;
  locationId: number;
  qty: number;
  userId: string;
}

/**
 * Counts stock that is not on the sheet (it was not in the system there when the count began,
 * or arrived since): a new line whose snapshot is the system quantity now, counted at once. If
 * the sheet already has that item × bin, this is simply its count. Refuses a bin or item the
 * count does not cover and an item × bin another open count holds.
 */
export function countFoundStock(
  db: Db,
  clock: Clock,
  input: FoundStock,
): CountProgress & { lineNo: number; added: boolean } {
  requireCountedQty({ lineId: 0, qty: input.qty });
  return db.transaction(
    (tx) => {
      shareStatements(db, tx);
      const at = clock.now();
      const header = requireCounting(tx, input.stocktakeId);
      const place = tx
        .select({
          code: locations.code,
          zone: locations.zone,
          warehouseId: locations.warehouseId,
          warehouse: warehouses.code,
        })
        .from(locations)
        .innerJoin(warehouses, eq(warehouses.id, locations.warehouseId))
        .where(eq(locations.id, input.locationId))
        .get();
      const item = tx.select({ sku: items.sku }).from(items).where(eq(items.id, input.itemId)).get();
      if (!item) throw new JxcError("UNKNOWN_ITEM", { query: String(input.itemId) }, "sku");
      if (!place || place.warehouseId !== header.warehouseId) {
        throw new JxcError("UNKNOWN_LOCATION", { code: place?.code ?? "?", warehouse: "?" }, "place");
      }
      const placeName = `${place.warehouse}/${place.code}`;
      if (!covers(tx, header, { ...input, ...place })) {
        throw new JxcError("OUTSIDE_COUNT", {
          number: header.number,
          sku: item.sku,
          place: placeName,
          kind: header.scope,
          label: header.scopeLabel,
        });
      }
      const moveId = countStatements(db).lastMoveId();
      const counted = {
        countedQty: input.qty,
        countedBy: input.userId,
        countedAt: at,
        countedMoveId: moveId,
      };
      const existing = tx
        .select({ id: stocktakeLines.id, lineNo: stocktakeLines.lineNo })
        .from(stocktakeLines)
        .where(
          and(
            eq(stocktakeLines.stocktakeId, header.id),
            eq(stocktakeLines.itemId, input.itemId),
            eq(stocktakeLines.locationId, input.locationId),
          ),
        )
        .get();
      let lineNo: number;
      if (existing) {
        tx.update(stocktakeLines).set(counted).where(eq(stocktakeLines.id, existing.id)).run();
        lineNo = existing.lineNo;
      } else {
        requireNoOverlap(tx, { id: header.warehouseId, code: place.warehouse }, [input]);
        const last = tx
          .select({ lineNo: max(stocktakeLines.lineNo) })
          .from(stocktakeLines)
          .where(eq(stocktakeLines.stocktakeId, header.id))
          .get();
        lineNo = (last?.lineNo ?? 0) + 1;
        tx.insert(stocktakeLines)
          .values({
            stocktakeId: header.id,
            lineNo,
            itemId: input.itemId,
            locationId: input.locationId,
            snapshotQty: readLocationTotals(tx, input.itemId, input.locationId).onHand,
            snapshotMoveId: moveId,
            ...counted,
          })
          .run();
      }
      const progress = readProgress(tx, header.id);
      writeAudit(tx, {
        actor: input.userId,
        action: "stocktake.found",
        entity: "stocktake",
        entityId: header.number,
        after: { lineNo, sku: item.sku, place: placeName, qty: input.qty, added: !existing },
        at,
      });
      emitEvent(
        tx,
        {
          type: "stocktake.counted",
          actor: input.userId,
          docType: "stocktake",
          docId: header.id,
          payload: { number: header.number, changed: 1, ...progress, owner: header.startedBy },
        },
        at,
      );
      return { number: header.number, changed: 1, ...progress, lineNo, added: !existing };
    },
    { behavior: "immediate" },
  );
}

/** Whether the count's scope takes in this item at this bin. */
function covers(
  tx: Tx,
  header: { id: number; scope: string; scopeLabel: string },
  found: { itemId: number; code: string; zone: string | null },
): boolean {
  return scopeCovers(
    header,
    found,
    () =>
      tx
        .select({ id: stocktakeLines.id })
        .from(stocktakeLines)
        .where(and(eq(stocktakeLines.stocktakeId, header.id), eq(stocktakeLines.itemId, found.itemId)))
        .limit(1)
        .get() !== undefined,
  );
}
