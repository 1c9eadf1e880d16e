import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Runs the real CLI as a user would (`npm run jxc -- …` is `tsx src/cli.ts …`) against a temp database.

let dir: string;
const slow = 60_000;

function jxc(...args: string[]): { status: number; stdout: string; stderr: string } {
  const env = { ...process.env, DATABASE_PATH: join(dir, "jxc.sqlite"), JXC_CURRENCY: "CNY" };
  try {
    const stdout = execFileSync("npx", ["tsx", "src/cli.ts", ...args], {
      env,
      encoding: "utf8",
      stdio: "pipe",
    });
    return { status: 0, stdout, stderr: "" };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { status: failed.status, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "jxc-cli-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe("jxc CLI", () => {
  it(
    "imports suppliers, items and stock in one run and prints a summary",
    () => {
      const suppliers = file("suppliers.csv", "code,name\nACME,Acme");
      const items = file(
        "items.csv",
        "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier\n" +
          "SCR-M4,Screw,螺丝,pcs,,,0.5,10,,,ACME\n",
      );
      const stock = file("stock.csv", "sku,warehouse,bin,qty,unit_cost\nSCR-M4,WH1,A-01,100,0.30\n");
      const result = jxc("import", "items", items, "suppliers", suppliers, "stock", stock);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(
        "items.csv (items, utf-8): 1 row — 1 created, 0 updated, 0 unchanged, 0 skipped",
      );
      expect(result.stdout).toContain("created warehouses: WH1");
      expect(result.stdout).toContain("created bins: WH1/MAIN, WH1/A-01");
      const again = jxc("import", "items", items);
      expect(again.stdout).toContain("0 created, 0 updated, 1 unchanged");
    },
    slow,
  );

  it(
    "prints row-numbered errors in English and exits 1",
    () => {
      const bad = file("bad.csv", "sku,warehouse,bin,qty,unit_cost\nSCR-M4,WH1,A-01,0,1\nNOPE,WH1,,1,1\n");
      const result = jxc("import", "stock", bad);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("nothing was imported — 2 errors");
      expect(result.stdout).toContain(
        "row 2, column qty: `0` is not a valid quantity: it must be more than zero.",
      );
      expect(result.stdout).toContain("row 3, column sku: No item matches `NOPE`.");
      const skipped = jxc("import", "stock", bad, "--skip-bad");
      expect(skipped.status).toBe(0);
      expect(skipped.stdout).toContain("2 skipped");
    },
    slow,
  );

  it(
    "exports what re-imports unchanged, and explains bad usage",
    () => {
      const out = join(dir, "out.csv");
      expect(jxc("export", "items", out).status).toBe(0);
      expect(readFileSync(out, "utf8")).toContain("SCR-M4,Screw,螺丝,pcs");
      expect(jxc("import", "items", out).stdout).toContain("1 unchanged");
      const usage = jxc("import", "widgets", out);
      expect(usage.status).toBe(1);
      expect(usage.stderr).toContain('Unknown kind "widgets"');
      expect(usage.stderr).toContain("Usage:");
    },
    slow,
  );
});
