// `npm run bench:count`: times a stocktake of 1,000 and 10,000 lines from start to approval.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/client.ts";
import { items, locations, roleAssignments, stocktakeLines, warehouses } from "../../db/schema.ts";
import { decideApproval } from "../../src/domain/approvals/index.ts";
import { systemClock } from "../../src/domain/clock.ts";
import { receiveStock } from "../../src/domain/stock/index.ts";
import { recordCounts } from "../../src/domain/stocktakes/count.ts";
import { finishStocktake } from "../../src/domain/stocktakes/finish.ts";
import { readCountSheet } from "../../src/domain/stocktakes/reads.ts";
import { startStocktake } from "../../src/domain/stocktakes/start.ts";

const keeper = "U0BENCHKEEPER";
const supervisor = "U0BENCHSUPER";
const page = 30;

/** What one size of count cost, in milliseconds. */
export interface CountTimings {
  lines: number;
  startMs: number;
  sheetMedianMs: number;
  saveMedianMs: number;
  finishMs: number;
  approveMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

/**
 * One warehouse of `lines` item × bin pairs (items spread over 50 bins, half FIFO) on a fresh
 * database file. The count is started, every page read and saved as a keeper would, a tenth of
 * the lines see a receipt during the count, one line in 20 is off by a little (posts at once)
 * and one in 200 by a lot (waits); then it is finished and the supervisor approves.
 */
export function measureCount(lines: number): CountTimings {
  const dir = mkdtempSync(join(tmpdir(), "jxc-count-"));
  const db = openDatabase(join(dir, "jxc.sqlite"));
  try {
    const at = Date.now();
    const warehouseId = db
      .insert(warehouses)
      .values({ code: "MAIN", name: "Main", updatedAt: at })
      .returning()
      .get().id;
    const bins = Array.from(
      { length: 50 },
      (_, n) =>
        db
          .insert(locations)
          .values({ warehouseId, code: `B-${String(n + 1).padStart(2, "0")}`, rank: n + 1 })
          .returning()
          .get().id,
    );
    const placed = db.transaction((tx) => {
      const ctx = { userId: keeper, at, batchId: randomUUID() };
      return Array.from({ length: lines }, (_, n) => {
        const itemId = tx
          .insert(items)
          .values({
            sku: `SKU-${String(n + 1).padStart(6, "0")}`,
            name: `Item ${n + 1}`,
            baseUnit: "pcs",
            valuation: n % 2 === 0 ? "moving_average" : "fifo",
            updatedAt: at,
          })
          .returning()
          .get().id;
        const locationId = bins[n % bins.length] ?? 0;
        receiveStock(tx, ctx, { itemId, locationId, qty: 1000, unitCost: 250 });
        return { itemId, locationId };
      });
    });
    db.insert(roleAssignments)
      .values({ userId: supervisor, role: "warehouse_supervisor", grantedBy: "bench", grantedAt: at })
      .run();

    const start = timed(() =>
      startStocktake(db, systemClock, { warehouseId, scope: { kind: "warehouse" }, userId: keeper }),
    );
    const stocktakeId = start.value.id;
    db.transaction((tx) => {
      const ctx = { userId: keeper, at, batchId: randomUUID() };
      placed.forEach((p, n) => {
        if (n % 10 === 0) receiveStock(tx, ctx, { ...p, qty: 5, unitCost: 250 });
      });
    });
    const lineIds = new Map(
      db
        .select({ id: stocktakeLines.id, itemId: stocktakeLines.itemId })
        .from(stocktakeLines)
        .all()
        .map((row) => [row.itemId, row.id]),
    );
    const sheetTimes: number[] = [];
    const saveTimes: number[] = [];
    for (let after = 0; after < lines; after += page) {
      const sheet = timed(() => readCountSheet(db, stocktakeId, after, page));
      sheetTimes.push(sheet.ms);
      const entries = sheet.value.map((line) => {
        const n = Number(line.sku.slice(4)) - 1;
        const found = 1000 + (n % 10 === 0 ? 5 : 0) - (n % 200 === 1 ? 600 : n % 20 === 3 ? 2 : 0);
        return { lineId: lineIds.get(placed[n]?.itemId ?? 0) ?? line.id, qty: found };
      });
      saveTimes.push(timed(() => recordCounts(db, systemClock, { stocktakeId, userId: keeper, entries })).ms);
    }
    const finish = timed(() =>
      finishStocktake(db, systemClock, { stocktakeId, userId: keeper, allowUncounted: false }),
    );
    if (finish.value.waiting.lines === 0) throw new Error("expected large variances to wait");
    const requestId = db.$client.prepare("select id from approval_requests").pluck().get() as number;
    const day = new Date().toISOString().slice(0, 10);
    const approve = timed(() =>
      decideApproval(db, systemClock, { requestId, tier: 1, userId: supervisor, verdict: "approve", day }),
    );
    return {
      lines,
      startMs: start.ms,
      sheetMedianMs: median(sheetTimes),
      saveMedianMs: median(saveTimes),
      finishMs: finish.ms,
      approveMs: approve.ms,
    };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
  for (const lines of [1_000, 10_000]) {
    const r = measureCount(lines);
    console.log(
      `${r.lines} lines: start ${r.startMs.toFixed(0)} ms · sheet page ${r.sheetMedianMs.toFixed(1)} ms · save page ${r.saveMedianMs.toFixed(1)} ms · finish ${r.finishMs.toFixed(0)} ms · approve ${r.approveMs.toFixed(0)} ms`,
    );
  }
}
