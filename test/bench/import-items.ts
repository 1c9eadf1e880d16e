import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/client.ts";
import { systemClock } from "../../src/domain/clock.ts";
import { importCsv } from "../../src/domain/import/import-csv.ts";
import { skuOf } from "./fixtures/big-company.ts";

/** Times a CSV import of `rows` new items into a fresh database file, as an admin would run it. */
export async function measureImport(rows: number): Promise<{ rows: number; ms: number }> {
  const header =
    "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier";
  const lines = [header];
  for (let n = 1; n <= rows; n++) {
    lines.push(
      `${skuOf(n)},Zinc screw M${(n % 24) + 2}x${(n % 90) + 10},镀锌螺丝 ${n},pcs,69${String(n).padStart(11, "0")},fasteners,0.${String(n % 100).padStart(2, "0")},${n % 500},1000,7,`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), "jxc-import-"));
  const db = openDatabase(join(dir, "jxc.sqlite"));
  try {
    const started = performance.now();
    const report = importCsv(db, systemClock, "items", Buffer.from(lines.join("\n")), {
      userId: "U0BENCH01",
      currency: "CNY",
    });
    const ms = performance.now() - started;
    if (!report.ok || report.created !== rows)
      throw new Error(`import failed: ${JSON.stringify(report.errors.slice(0, 3))}`);
    return { rows, ms };
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
