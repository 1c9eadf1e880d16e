import { count } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/client.ts";
import { auditLog } from "../../db/schema.ts";
import { findItemBySkuOrBarcode, getItemDetails } from "../../src/domain/catalogue/items.ts";
import { findWarehouse } from "../../src/domain/catalogue/places.ts";
import { findSupplierByCode } from "../../src/domain/catalogue/suppliers.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { exportCsv } from "../../src/domain/import/export-csv.ts";
import { importCsv, importCsvFiles } from "../../src/domain/import/import-csv.ts";
import type { ImportKind } from "../../src/domain/import/report.ts";
import { getItemStock } from "../../src/domain/stock/index.ts";

const itemHeader =
  "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier";
const options = { userId: "U0ADMIN", currency: "CNY" };

let db: Db;
const clock = fixedClock(1_700_000_000_000);
beforeEach(() => {
  db = openDatabase(":memory:");
});

function run(kind: ImportKind, text: string | Uint8Array, skipBad = false) {
  const bytes = typeof text === "string" ? Buffer.from(text) : text;
  return importCsv(db, clock, kind, bytes, { ...options, skipBad });
}

function auditCount(): number {
  return db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
}

const items = [
  itemHeader,
  'SCR-M4,Stainless screw M4,不锈钢螺丝,pcs,6901234567890|6901234567891,fasteners,"¥1,234.50",100,5,7,',
  "BLT-M6,Hex bolt M6,六角螺栓,pcs,,fasteners,0.8,0,,,",
].join("\n");

describe("importCsv: items", () => {
  it("creates items from UTF-8 and reports the counts", () => {
    const report = run("items", items);
    expect(report).toMatchObject({
      ok: true,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      encoding: "utf-8",
    });
    expect(getItemDetails(db, findItemBySkuOrBarcode(db, "SCR-M4")?.id ?? 0)).toMatchObject({
      nameZh: "不锈钢螺丝",
      salePrice: 123450,
      reorderPoint: 100,
      leadTimeDays: 7,
      barcodes: ["6901234567890", "6901234567891"],
    });
    expect(findItemBySkuOrBarcode(db, "BLT-M6")).toMatchObject({ reorderPoint: 0, reorderQty: null });
  });

  it("reads a UTF-8 file with a BOM, in any column order, with CRLF and ; separators", () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(items.replaceAll("\n", "\r\n"))]);
    expect(run("items", bom)).toMatchObject({ ok: true, created: 2, encoding: "utf-8" });
    const reordered =
      "supplier;lead_time_days;reorder_qty;reorder_point;sale_price;category;barcode;unit;name_zh;name;sku\n;;;;;;;pcs;;Washer;WSH-8";
    expect(run("items", reordered)).toMatchObject({ ok: true, created: 1 });
  });

  it("detects GB18030 (what Excel on Chinese Windows saves)", () => {
    // 螺丝 in GB18030/GBK is C2 DD CB BF; the rest of the file is ASCII.
    const chinese = Buffer.from([0xc2, 0xdd, 0xcb, 0xbf]);
    expect(new TextDecoder("gb18030").decode(chinese)).toBe("螺丝");
    const bytes = Buffer.concat([
      Buffer.from(`${itemHeader}\nSCR-M4,Screw,`),
      chinese,
      Buffer.from(",pcs,,,,,,,\n"),
    ]);
    const report = run("items", bytes);
    expect(report).toMatchObject({ ok: true, created: 1, encoding: "gb18030" });
    expect(findItemBySkuOrBarcode(db, "SCR-M4")?.nameZh).toBe("螺丝");
  });

  it("refuses a binary file", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const report = run("items", png);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      { row: 0, code: "INVALID_INPUT", params: { what: "file", reason: "binary" } },
    ]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("sku,name", "utf16le")]);
    expect(run("items", utf16).errors[0]?.params).toEqual({ what: "file", reason: "utf-16" });
  });

  it("names missing and unknown columns on row 1 and writes nothing", () => {
    const report = run("items", "sku,name,colour\nA,Thing,red");
    expect(report.ok).toBe(false);
    expect(report.errors).toContainEqual(
      expect.objectContaining({ row: 1, column: "colour", code: "INVALID_INPUT" }),
    );
    expect(report.errors).toContainEqual({
      row: 1,
      column: "unit",
      code: "NOT_FOUND",
      params: { what: "column unit" },
    });
    expect(report.errors.filter((error) => error.code === "NOT_FOUND")).toHaveLength(9);
    expect(findItemBySkuOrBarcode(db, "A")).toBeUndefined();
  });

  it("reports every bad row with spreadsheet row numbers, and writes nothing", () => {
    const text = [
      itemHeader,
      "A-1,Anchor,,pcs,,,1.234,,,,",
      "",
      'B-1,"Bolt, long\nsecond line",,pcs,111,,,-1,,,',
      "a-1,Anchor again,,pcs,111,,,,,,NOPE",
      "C-1,,,pcs,,,,,,,",
    ].join("\n");
    const report = run("items", text);
    expect(report.ok).toBe(false);
    expect(report.rows).toBe(4);
    expect(report.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [2, "sale_price", "INVALID_MONEY"],
      [4, "reorder_point", "INVALID_QUANTITY"],
      [5, "sku", "DUPLICATE"],
      [5, "barcode", "DUPLICATE"],
      [5, "supplier", "NOT_FOUND"],
      [6, "name", "INVALID_INPUT"],
    ]);
    expect(report.errors[2]?.params).toMatchObject({ what: "sku", key: "a-1", row: 2 });
    expect(auditCount()).toBe(0);
  });

  it("imports the good rows and reports the bad ones as skipped when asked", () => {
    const text = [
      itemHeader,
      "A-1,Anchor,,pcs,,,,,,,",
      "B-1,Bolt,,pcs,,,abc,,,,",
      "C-1,Cap,,pcs,,,,,,,",
    ].join("\n");
    const report = run("items", text, true);
    expect(report).toMatchObject({ ok: true, rows: 3, created: 2, skipped: 1 });
    expect(report.errors).toEqual([
      {
        row: 3,
        column: "sale_price",
        code: "INVALID_MONEY",
        params: { input: "abc", problem: "not_a_number" },
      },
    ]);
    expect(findItemBySkuOrBarcode(db, "B-1")).toBeUndefined();
  });

  it("changes nothing when the same file is imported again", () => {
    run("items", items);
    const before = auditCount();
    expect(run("items", items)).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
    expect(auditCount()).toBe(before);
    const edited = items.replace("Hex bolt M6", "Hex bolt M6 zinc");
    expect(run("items", edited)).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
  });

  it("refuses a barcode another stored item has", () => {
    run("items", items);
    const report = run("items", `${itemHeader}\nNEW-1,New,,pcs,6901234567890,,,,,,`);
    expect(report.errors).toEqual([
      {
        row: 2,
        column: "barcode",
        code: "DUPLICATE",
        params: { what: "barcode", key: "6901234567890", owner: "SCR-M4" },
      },
    ]);
  });

  it("reads levels in the item's units and the optional columns", () => {
    const header = `${itemHeader},aliases,purchase_unit,purchase_factor,valuation`;
    const report = run("items", `${header}\nSCR-M4,Screw,,pcs,,,,2 box,5 box,,,螺钉|screw,box,20,FIFO`);
    expect(report.ok).toBe(true);
    expect(getItemDetails(db, findItemBySkuOrBarcode(db, "SCR-M4")?.id ?? 0)).toMatchObject({
      reorderPoint: 40,
      reorderQty: 100,
      aliases: ["螺钉", "screw"],
      purchaseUnit: "box",
      valuation: "fifo",
    });
  });
});

describe("importCsv: suppliers, customers and one run of several files", () => {
  it("lets an items file name a supplier and a stock file name an item defined in the same run", () => {
    const files = [
      {
        kind: "stock" as const,
        bytes: Buffer.from("sku,warehouse,bin,qty,unit_cost\nNEW-1,WH9,,1 box,2.00"),
      },
      {
        kind: "items" as const,
        bytes: Buffer.from(`${itemHeader},purchase_unit,purchase_factor\nNEW-1,New,,pcs,,,,,,,NEWSUP,box,10`),
      },
      {
        kind: "suppliers" as const,
        bytes: Buffer.from("code,name,payment_terms_days\nNEWSUP,New supplier,45"),
      },
    ];
    const [stock, item, supplier] = importCsvFiles(db, clock, files, options);
    expect(supplier).toMatchObject({ ok: true, created: 1 });
    expect(item).toMatchObject({ ok: true, created: 1 });
    expect(stock).toMatchObject({
      ok: true,
      created: 1,
      createdWarehouses: ["WH9"],
      createdLocations: ["WH9/MAIN"],
    });
    expect(findSupplierByCode(db, "newsup")?.paymentTermsDays).toBe(45);
    expect(getItemStock(db, findItemBySkuOrBarcode(db, "NEW-1")?.id ?? 0)).toMatchObject({
      onHand: 10,
      value: 2000,
    });
  });

  it("refuses customers with a bad owner or limit, naming the column", () => {
    const text = "code,name,owner,credit_limit\nC1,Shop,U012ABC,50000\nC2,Other,alice,1.234";
    const report = run("customers", text);
    expect(report.errors.map((error) => [error.row, error.column, error.code])).toEqual([
      [3, "credit_limit", "INVALID_MONEY"],
      [3, "owner", "UNKNOWN_USER"],
    ]);
  });
});

describe("importCsv: opening stock", () => {
  beforeEach(() => {
    run("items", `${itemHeader},purchase_unit,purchase_factor\nSCR-M4,Screw,,pcs,,,,,,,,box,100`);
  });

  it("sets stock per bin, creating and reporting warehouses and bins", () => {
    const text = "sku,warehouse,bin,qty,unit_cost\nSCR-M4,WH1,A-01,3 box,0.30\nscr-m4,WH1,,20,0.30";
    const report = run("stock", text);
    expect(report).toMatchObject({ ok: true, created: 2, createdWarehouses: ["WH1"] });
    expect(report.createdLocations).toEqual(["WH1/MAIN", "WH1/A-01"]);
    expect(findWarehouse(db, "wh1")).toBeDefined();
    expect(getItemStock(db, findItemBySkuOrBarcode(db, "SCR-M4")?.id ?? 0)).toMatchObject({
      onHand: 320,
      value: 9600,
    });
    const again = run("stock", text);
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2, createdWarehouses: [] });
    expect(run("stock", text.replace("3 box", "4 box"))).toMatchObject({ updated: 1, unchanged: 1 });
  });

  it("refuses quantities that are zero, negative, fractional, not numbers or absurd", () => {
    const rows = ["0", "-1", "1.5", "abc", "2e9"].map((qty, i) => `SCR-M4,WH1,B-${i},${qty},1`);
    const report = run("stock", ["sku,warehouse,bin,qty,unit_cost", ...rows, "NOPE,WH1,A,1,1"].join("\n"));
    expect(report.ok).toBe(false);
    expect(
      report.errors.map((error) => [error.row, error.code, error.params.problem ?? error.params.query]),
    ).toEqual([
      [2, "INVALID_QUANTITY", "zero"],
      [3, "INVALID_QUANTITY", "negative"],
      [4, "INVALID_QUANTITY", "fractional"],
      [5, "INVALID_QUANTITY", "not_a_number"],
      [6, "INVALID_QUANTITY", "too_large"],
      [7, "UNKNOWN_ITEM", "NOPE"],
    ]);
    expect(findWarehouse(db, "WH1")).toBeUndefined();
  });
});

describe("exportCsv", () => {
  it("writes UTF-8 with a BOM and the import columns, and re-imports unchanged", () => {
    run("suppliers", "code,name,name_zh,phone\nACME,Acme,艾克美,+86 21 5555");
    run("customers", "code,name,owner,credit_limit,payment_terms_days\nC1,Shop,U012ABC,500.5,60");
    run("items", `${itemHeader},aliases\nSCR-M4,=SUM(A1),螺丝,pcs,0012|0013,,"1,234.50",5,,,ACME,螺钉|m4`);
    run("stock", "sku,warehouse,bin,qty,unit_cost\nSCR-M4,WH1,A-01,7,0.33\nSCR-M4,WH2,,3,0.50");
    for (const kind of ["suppliers", "customers", "items", "stock"] as const) {
      const text = exportCsv(db, kind, { currency: "CNY" });
      expect(text.startsWith("\uFEFF")).toBe(true);
      expect(run(kind, text)).toMatchObject({
        ok: true,
        created: 0,
        updated: 0,
        unchanged: kind === "stock" ? 2 : 1,
      });
    }
    const itemsCsv = exportCsv(db, "items");
    expect(itemsCsv).toContain("'=SUM(A1)");
    expect(itemsCsv).toContain("0012|0013");
    expect(exportCsv(db, "suppliers")).toContain("'+86 21 5555");
    expect(findItemBySkuOrBarcode(db, "SCR-M4")?.name).toBe("=SUM(A1)");
  });

  it('reads Excel\'s ="0123" form for digits that must keep their zeros', () => {
    run("items", `${itemHeader}\nSCR-M4,Screw,,pcs,"=""0012""",,,,,,`);
    expect(getItemDetails(db, findItemBySkuOrBarcode(db, "SCR-M4")?.id ?? 0)?.barcodes).toEqual(["0012"]);
  });
});
