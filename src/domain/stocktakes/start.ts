import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { items, locations, stockBalances, stocktakes, warehouses } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { nextDocumentNumber } from "../documents/numbering.ts";
import { JxcError } from "../errors.ts";
import { emitEvent } from "../events.ts";
import type { Tx } from "../stock/types.ts";
import { requireNoOverlap } from "./overlap.ts";
import { countStatements } from "./statements.ts";

/** What a count covers inside its warehouse, as the starter named it (ids already resolved). */
export type StocktakeScopeInput =
  | { kind: "warehouse" }
  | { kind: "zone"; zone: string }
  | { kind: "bins"; locationIds: number[] }
  | { kind: "items"; itemIds: number[] };

/** A count to start: where, what, and who asks. */
export interface StartStocktakeInput {
  warehouseId: number;
  scope: StocktakeScopeInput;
  userId: string;
}

/** The new CNT document and how many item × bin lines it holds. */
export interface StocktakeStarted {
  id: number;
  number: string;
  lines: number;
}

interface StockedPlace {
  itemId: number;
  locationId: number;
  qty: number;
  sku: string;
  bin: string;
  rank: number | null;
}

/**
 * Starts a count: every item × bin of the scope that holds stock becomes a line with the
 * system quantity snapshotted now. Refuses an unknown zone, a scope with nothing in stock,
 * and any line another open count already covers (naming it); nothing is written then.
 */
export function startStocktake(db: Db, clock: Clock, input: StartStocktakeInput): StocktakeStarted {
  return db.transaction(
    (tx) => {
      const at = clock.now();
      const warehouse = tx
        .select({ id: warehouses.id, code: warehouses.code })
        .from(warehouses)
        .where(eq(warehouses.id, input.warehouseId))
        .get();
      if (!warehouse) throw new JxcError("UNKNOWN_WAREHOUSE", { code: String(input.warehouseId), known: "" });
      const scope = resolveScope(tx, warehouse, input.scope);
      const places = readStockedPlaces(tx, warehouse.id, scope.filter);
      if (places.length === 0) throw new JxcError("NOTHING_TO_COUNT", { what: scope.what });
      if (input.scope.kind === "items") requireEveryItem(tx, input.scope.itemIds, places, warehouse.code);
      requireNoOverlap(tx, warehouse, places);
      const number = nextDocumentNumber(tx, "stocktake");
      const statements = countStatements(db);
      const snapshotMoveId = statements.lastMoveId();
      const { id } = tx
        .insert(stocktakes)
        .values({
          number,
          warehouseId: warehouse.id,
          scope: input.scope.kind,
          scopeLabel: scope.label,
          status: "counting",
          startedBy: input.userId,
          startedAt: at,
        })
        .returning({ id: stocktakes.id })
        .get();
      places.forEach((place, index) => {
        statements.insertLine({
          stocktakeId: id,
          lineNo: index + 1,
          itemId: place.itemId,
          locationId: place.locationId,
          snapshotQty: place.qty,
          snapshotMoveId,
        });
      });
      writeAudit(tx, {
        actor: input.userId,
        action: "stocktake.start",
        entity: "stocktake",
        entityId: number,
        after: {
          warehouse: warehouse.code,
          scope: input.scope.kind,
          label: scope.label,
          lines: places.length,
        },
        at,
      });
      emitEvent(
        tx,
        {
          type: "stocktake.started",
          actor: input.userId,
          docType: "stocktake",
          docId: id,
          payload: { number, lines: places.length, owner: input.userId },
        },
        at,
      );
      return { id, number, lines: places.length };
    },
    { behavior: "immediate" },
  );
}

/** The scope as a query filter, its label for people, and what to call it when it holds nothing. */
function resolveScope(
  tx: Tx,
  warehouse: { id: number; code: string },
  scope: StocktakeScopeInput,
): { filter: SQL | undefined; label: string; what: string } {
  switch (scope.kind) {
    case "warehouse":
      return { filter: undefined, label: "", what: warehouse.code };
    case "zone": {
      const zone = requireZone(tx, warehouse, scope.zone);
      return {
        filter: sql`${locations.zone} = ${zone} collate nocase`,
        label: zone,
        what: `${warehouse.code} · ${zone}`,
      };
    }
    case "bins": {
      const ids = [...new Set(scope.locationIds)];
      const bins = tx
        .select({ id: locations.id, code: locations.code, warehouseId: locations.warehouseId })
        .from(locations)
        .where(inArray(locations.id, ids))
        .all();
      const outside = ids.find((id) => !bins.some((b) => b.id === id && b.warehouseId === warehouse.id));
      if (ids.length === 0 || outside !== undefined) {
        throw new JxcError(
          "UNKNOWN_LOCATION",
          { code: String(outside ?? ""), warehouse: warehouse.code },
          "place",
        );
      }
      const codes = ids.map((id) => bins.find((b) => b.id === id)?.code ?? "");
      return {
        filter: inArray(stockBalances.locationId, ids),
        label: codes.join(", "),
        what: codes.map((code) => `${warehouse.code}/${code}`).join(", "),
      };
    }
    case "items": {
      const ids = [...new Set(scope.itemIds)];
      const found = tx
        .select({ id: items.id, sku: items.sku })
        .from(items)
        .where(inArray(items.id, ids))
        .all();
      const missing = ids.find((id) => !found.some((row) => row.id === id));
      if (ids.length === 0 || missing !== undefined) {
        throw new JxcError("UNKNOWN_ITEM", { query: String(missing ?? "") }, "sku");
      }
      const skus = ids.map((id) => found.find((row) => row.id === id)?.sku ?? "");
      return {
        filter: inArray(stockBalances.itemId, ids),
        label: skus.join(", "),
        what: `${skus.join(", ")} · ${warehouse.code}`,
      };
    }
  }
}

/** The zone as the bins spell it; an unknown one is refused with the zones there are. */
function requireZone(tx: Tx, warehouse: { id: number; code: string }, typed: string): string {
  const zones = tx
    .selectDistinct({ zone: locations.zone })
    .from(locations)
    .where(and(eq(locations.warehouseId, warehouse.id), eq(locations.archived, false)))
    .all()
    .flatMap((row) => (row.zone ? [row.zone] : []))
    .sort();
  const zone = zones.find((z) => z.toLowerCase() === typed.trim().toLowerCase());
  if (!zone) {
    throw new JxcError(
      "UNKNOWN_ZONE",
      { zone: typed, warehouse: warehouse.code, known: zones.join(", ") },
      "zone",
    );
  }
  return zone;
}

/** Item × bin pairs of the warehouse holding stock (all lots together), in walking order. */
function readStockedPlaces(tx: Tx, warehouseId: number, filter: SQL | undefined): StockedPlace[] {
  const rows = tx
    .select({
      itemId: stockBalances.itemId,
      locationId: stockBalances.locationId,
      qty: sql<number>`sum(${stockBalances.onHand})`.mapWith(Number),
      sku: items.sku,
      bin: locations.code,
      rank: locations.rank,
    })
    .from(stockBalances)
    .innerJoin(locations, eq(locations.id, stockBalances.locationId))
    .innerJoin(items, eq(items.id, stockBalances.itemId))
    .where(and(eq(locations.warehouseId, warehouseId), filter))
    .groupBy(stockBalances.itemId, stockBalances.locationId)
    .having(sql`sum(${stockBalances.onHand}) <> 0`)
    .all();
  // Nearest bins first (rank), then by code, then SKU: the order a keeper walks the floor.
  return rows.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      compare(a.bin, b.bin) ||
      compare(a.sku, b.sku),
  );
}

function requireEveryItem(tx: Tx, itemIds: number[], places: StockedPlace[], warehouse: string): void {
  const absent = itemIds.find((id) => !places.some((place) => place.itemId === id));
  if (absent === undefined) return;
  const sku = tx.select({ sku: items.sku }).from(items).where(eq(items.id, absent)).get()?.sku ?? "";
  throw new JxcError("NOTHING_TO_COUNT", { what: `${sku} · ${warehouse}` });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
