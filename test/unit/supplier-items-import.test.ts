import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/client.ts";
import { findSupplierByCode } from "../../src/domain/catalogue/suppliers.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { exportCsv } from "../../src/domain/import/export-csv.ts";
import { importCsv, importCsvFiles } from "../../src/domain/import/import-csv.ts";
import { readSupplierTerms } from "../../src/domain/purchasing/supplier-terms-reads.ts";

const options = { userId: "U0ADMIN", currency: "CNY" };
const clock = fixedClock(1_700_000_000_000);
const header = "supplier,sku,price,moq,pack_size,supplier_sku,lead_time_days,valid_from";
const suppliers =
  "code,name,quality_notes\nHXF,Huaxin Fasteners,Check thread pitch on every box\nJGT,Jinggong Tools,";
const items = [
  "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier,purchase_unit,purchase_factor",
  "SCR-M4,Machine screw M4,机螺丝M4,pcs,,fasteners,0.10,2000,,,HXF,box,100",
  "TL-HAM,Claw hammer,羊角锤,pcs,,tools,35,10,,,JGT,,",
].join("\n");

let db: Db;
beforeEach(() => {
  db = openDatabase(":memory:");
  importCsvFiles(
    db,
    clock,
    [
      { kind: "suppliers", bytes: Buffer.from(suppliers) },
      { kind: "items", bytes: Buffer.from(items) },
    ],
    options,
  );
});

const run = (text: string, skipBad = false) =>
  importCsv(db, clock, "supplier_items", Buffer.from(text), { ...options, skipBad });
const idOf = (table: string, column: string, code: string) =>
  Number(db.$client.prepare(`select id from ${table} where ${column} = ?`).pluck().get(code));

describe("supplier_items import", () => {
  const file = [
    header,
    "HXF,SCR-M4,0.04,10 box,100,HX-M4-16,6,",
    "HXF,SCR-M4,0.05,10 box,100,HX-M4-16,6,2026-07-01",
    "JGT,TL-HAM,16.00,,,,,",
  ].join("\n");

  it("sets MOQ and pack size in any of the item's units, and dated prices; again changes nothing", () => {
    expect(run(file)).toMatchObject({ ok: true, rows: 3, created: 2, updated: 1, unchanged: 0 });
    const hxf = idOf("suppliers", "code", "HXF");
    const screw = idOf("items", "sku", "SCR-M4");
    expect(readSupplierTerms(db, hxf, screw, "2026-06-30")).toEqual({
      supplierSku: "HX-M4-16",
      moq: 1000,
      packSize: 100,
      leadTimeDays: 6,
      price: { unitPrice: 4, validFrom: "" },
      nextPrice: { unitPrice: 5, validFrom: "2026-07-01" },
    });
    expect(
      readSupplierTerms(db, idOf("suppliers", "code", "JGT"), idOf("items", "sku", "TL-HAM"), "2026-01-01"),
    ).toMatchObject({ moq: null, packSize: null, price: { unitPrice: 1600 } });
    expect(run(file)).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
  });

  it("exports in the same columns, so an export re-imports unchanged", () => {
    run(file);
    const exported = exportCsv(db, "supplier_items");
    expect(
      exported
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .slice(0, 4),
    ).toEqual([
      header,
      "HXF,SCR-M4,0.04,1000,100,HX-M4-16,6,",
      "HXF,SCR-M4,0.05,1000,100,HX-M4-16,6,2026-07-01",
      "JGT,TL-HAM,16.00,,,,,",
    ]);
    expect(run(exported)).toMatchObject({ ok: true, unchanged: 3 });
  });

  it("refuses bad rows with their row and column, and writes nothing", () => {
    const bad = [
      header,
      "NOPE,SCR-M4,0.04,,,,,",
      "HXF,GHOST,0.04,,,,,",
      "HXF,SCR-M4,0.045,,,,,",
      "HXF,SCR-M4,0,,,,,",
      "HXF,SCR-M4,0.04,0,,,,",
      "HXF,SCR-M4,0.04,,-5,,,",
      "HXF,SCR-M4,0.04,,1.5,,,",
      "HXF,SCR-M4,0.04,,,,,2026-02-30",
      "HXF,SCR-M4,,,,,,2026-03-01",
      "JGT,TL-HAM,1,,,,,",
      "JGT,TL-HAM,2,,,,,",
    ].join("\n");
    const report = run(bad);
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column, e.code, e.params.problem])).toEqual([
      [2, "supplier", "UNKNOWN_SUPPLIER", undefined],
      [3, "sku", "UNKNOWN_ITEM", undefined],
      [4, "price", "INVALID_MONEY", "too_many_decimals"],
      [5, "price", "INVALID_MONEY", "zero"],
      [6, "moq", "INVALID_QUANTITY", "zero"],
      [7, "pack_size", "INVALID_QUANTITY", "negative"],
      [8, "pack_size", "INVALID_QUANTITY", "fractional"],
      [9, "valid_from", "INVALID_INPUT", "not_a_date"],
      [10, "price", "INVALID_MONEY", "empty"],
      [12, "sku", "DUPLICATE", undefined],
    ]);
    expect(db.$client.prepare("select count(*) from supplier_items").pluck().get()).toBe(0);
    // With --skip-bad the good row goes in.
    expect(run(bad, true)).toMatchObject({ ok: true, created: 1, skipped: 10 });
  });

  it("may name suppliers and items defined by the same run", () => {
    const fresh = openDatabase(":memory:");
    const reports = importCsvFiles(
      fresh,
      clock,
      [
        { kind: "supplier_items", bytes: Buffer.from(file) },
        { kind: "items", bytes: Buffer.from(items) },
        { kind: "suppliers", bytes: Buffer.from(suppliers) },
      ],
      options,
    );
    expect(reports.map((r) => r.ok)).toEqual([true, true, true]);
    expect(reports[0]).toMatchObject({ created: 2, updated: 1 });
    expect(findSupplierByCode(fresh, "HXF")?.qualityNotes).toBe("Check thread pitch on every box");
  });
});
