// `npm run bench:receipt`: posts 100-line goods receipts against 100-line POs and prints the time.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../../db/client.ts";
import {
  items,
  locations,
  purchaseOrderLines,
  purchaseOrders,
  roleAssignments,
  suppliers,
  warehouses,
} from "../../db/schema.ts";
import { systemClock } from "../../src/domain/clock.ts";
import { type ReceiptLineInput, receiveGoods } from "../../src/domain/receiving/receive-goods.ts";

const lines = 100;
const keeper = "U0BENCHKEEPER";

/**
 * Times `runs` receipts of `lines` lines each into a fresh database file (WAL, as in production),
 * each against its own sent PO; half the items are FIFO so both costing paths run. The first
 * receipt warms the prepared statements and is not counted.
 */
export function measureReceipts(runs = 20): { lines: number; medianMs: number; maxMs: number } {
  const dir = mkdtempSync(join(tmpdir(), "jxc-receipt-"));
  const db = openDatabase(join(dir, "jxc.sqlite"));
  try {
    const at = Date.now();
    const warehouseId = db
      .insert(warehouses)
      .values({ code: "MAIN", name: "Main", updatedAt: at })
      .returning()
      .get().id;
    const locationIds = ["A-01", "A-02", "B-01", "B-02"].map(
      (code) => db.insert(locations).values({ warehouseId, code }).returning().get().id,
    );
    const supplierId = db
      .insert(suppliers)
      .values({ code: "ACME", name: "Acme", paymentTermsDays: 30, updatedAt: at })
      .returning()
      .get().id;
    const itemIds = Array.from(
      { length: lines },
      (_, n) =>
        db
          .insert(items)
          .values({
            sku: `SKU-${String(n + 1).padStart(4, "0")}`,
            name: `Item ${n + 1}`,
            baseUnit: "pcs",
            valuation: n % 2 === 0 ? "moving_average" : "fifo",
            updatedAt: at,
          })
          .returning()
          .get().id,
    );
    db.insert(roleAssignments)
      .values({ userId: keeper, role: "warehouse_keeper", grantedBy: "bench", grantedAt: at })
      .run();
    const times: number[] = [];
    for (let run = 0; run <= runs; run++) {
      const poId = db
        .insert(purchaseOrders)
        .values({
          number: `PO-B${run}`,
          supplierId,
          status: "sent",
          currency: "CNY",
          expectedDay: "2026-12-31",
          paymentTermsDays: 30,
          createdBy: "U0BENCHCLERK",
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .get().id;
      db.insert(purchaseOrderLines)
        .values(
          itemIds.map((itemId, n) => ({
            purchaseOrderId: poId,
            lineNo: n + 1,
            itemId,
            qty: 100,
            unitPrice: 250 + n,
          })),
        )
        .run();
      const receipt: ReceiptLineInput[] = itemIds.map((_, n) => ({
        lineNo: n + 1,
        received: 100,
        accepted: n % 10 === 0 ? 90 : 100,
        rejected: n % 10 === 0 ? 10 : 0,
        rejectReason: n % 10 === 0 ? "damaged" : undefined,
        locationId: locationIds[n % locationIds.length],
      }));
      const started = performance.now();
      const posted = receiveGoods(db, systemClock, { purchaseOrderId: poId, lines: receipt, userId: keeper });
      const ms = performance.now() - started;
      if (posted.lines.length !== lines) throw new Error("receipt did not post every line");
      if (run > 0) times.push(ms);
    }
    times.sort((a, b) => a - b);
    return { lines, medianMs: times[Math.floor(times.length / 2)] ?? 0, maxMs: times.at(-1) ?? 0 };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = measureReceipts();
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
  console.log(
    `${result.lines}-line goods receipt: median ${result.medianMs.toFixed(1)} ms, max ${result.maxMs.toFixed(1)} ms over 20 runs (target ≤ 50 ms)`,
  );
}
