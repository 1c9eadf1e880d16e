import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { exportCsv } from "../../src/domain/import/export-csv.ts";
import { importCsv } from "../../src/domain/import/import-csv.ts";

const options = { userId: "U0ADMIN", currency: "CNY" };
const file = (...rows: string[]) =>
  Buffer.from(["warehouse,bin,warehouse_name,warehouse_name_zh,zone,rank,capacity", ...rows].join("\n"));

function bins(db: ReturnType<typeof openDatabase>) {
  return db.$client
    .prepare(
      `select w.code as warehouse, w.name, w.name_zh as nameZh, l.code as bin, l.zone, l.rank, l.capacity
         from locations l join warehouses w on w.id = l.warehouse_id order by w.code, l.code`,
    )
    .all();
}

describe("bins import", () => {
  it("creates warehouses and bins with their names, zones, ranks and capacities", () => {
    const db = openDatabase(":memory:");
    const report = importCsv(
      db,
      fixedClock(0),
      "bins",
      file("MAIN,A-01,Main warehouse,主仓,front,1,500", "MAIN,B-09,,,back,12,"),
      options,
    );
    expect(report).toMatchObject({ ok: true, rows: 2, created: 2, createdWarehouses: ["MAIN"] });
    expect(bins(db)).toEqual([
      {
        warehouse: "MAIN",
        name: "Main warehouse",
        nameZh: "主仓",
        bin: "A-01",
        zone: "front",
        rank: 1,
        capacity: 500,
      },
      {
        warehouse: "MAIN",
        name: "Main warehouse",
        nameZh: "主仓",
        bin: "B-09",
        zone: "back",
        rank: 12,
        capacity: null,
      },
      {
        warehouse: "MAIN",
        name: "Main warehouse",
        nameZh: "主仓",
        bin: "MAIN",
        zone: null,
        rank: null,
        capacity: null,
      },
    ]);
  });

  it("changes nothing when the same file comes again, and updates what differs", () => {
    const db = openDatabase(":memory:");
    importCsv(db, fixedClock(0), "bins", file("MAIN,A-01,Main,主仓,front,1,500"), options);
    const audit = () => db.$client.prepare("select count(*) as n from audit_log").get();
    const before = audit();
    const again = importCsv(db, fixedClock(1), "bins", file("MAIN,A-01,Main,主仓,front,1,500"), options);
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 1 });
    expect(audit()).toEqual(before);
    const moved = importCsv(db, fixedClock(2), "bins", file("MAIN,A-01,Main,主仓,front,3,500"), options);
    expect(moved).toMatchObject({ ok: true, updated: 1 });
  });

  it("refuses bad ranks and a bin listed twice, by row, and writes nothing", () => {
    const db = openDatabase(":memory:");
    const report = importCsv(
      db,
      fixedClock(0),
      "bins",
      file("MAIN,A-01,,,,1.5,", "MAIN,a-01,,,,2,", "MAIN,C-1,,,,,-4"),
      options,
    );
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "rank", "INVALID_INPUT"],
      [3, "bin", "DUPLICATE"],
      [4, "capacity", "INVALID_INPUT"],
    ]);
    expect(bins(db)).toEqual([]);
  });

  it("exports bins in the same columns so the export imports unchanged", () => {
    const db = openDatabase(":memory:");
    importCsv(db, fixedClock(0), "bins", file("EAST,E-1,East,东仓,dock,2,100"), options);
    const exported = exportCsv(db, "bins");
    const again = importCsv(db, fixedClock(1), "bins", Buffer.from(exported), options);
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2 });
  });
});
