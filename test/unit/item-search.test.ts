import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/client.ts";
import { readItemSummary } from "../../src/domain/catalogue/item-row.ts";
import { archiveItem, type ItemInput, upsertItem } from "../../src/domain/catalogue/items.ts";
import { ItemSearchIndex } from "../../src/domain/catalogue/search-index.ts";

const ctx = { userId: "U0ADMIN", at: 1_700_000_000_000 };

function addItem(db: Db, input: Partial<ItemInput> & { sku: string; name: string }): number {
  return upsertItem(db, { baseUnit: "pcs", ...input }, ctx).id;
}

describe("ItemSearchIndex", () => {
  let db: Db;
  const ids: Record<string, number> = {};

  beforeEach(() => {
    db = openDatabase(":memory:");
    ids.screw = addItem(db, {
      sku: "SCR-M4",
      name: "Stainless Screw M4",
      nameZh: "不锈钢螺丝",
      aliases: ["machine screw", "机螺钉"],
      barcodes: ["6901234567890"],
    });
    ids.bolt = addItem(db, { sku: "BLT-M6", name: "Hex Bolt M6", nameZh: "六角螺栓" });
    ids.nut = addItem(db, { sku: "NUT-M6", name: "Hex Nut M6", nameZh: "六角螺母" });
    ids.scr = addItem(db, { sku: "SCR", name: "Screwdriver", nameZh: "螺丝刀" });
    ids.scrLong = addItem(db, { sku: "SCR-M4-LONG", name: "Long screw M4", nameZh: "长螺丝" });
  });

  it("finds an item by its exact SKU in any case, first", () => {
    const index = ItemSearchIndex.build(db);
    expect(index.search("BLT-M6")).toEqual({ total: 1, itemIds: [ids.bolt] });
    expect(index.search("blt-m6").itemIds).toEqual([ids.bolt]);
    expect(index.search("scr-m4").itemIds[0]).toBe(ids.screw);
  });

  it("finds an item by barcode", () => {
    const index = ItemSearchIndex.build(db);
    expect(index.search("6901234567890")).toEqual({ total: 1, itemIds: [ids.screw] });
  });

  it("matches an English substring in the middle of a word", () => {
    const index = ItemSearchIndex.build(db);
    const found = index.search("crew");
    expect(new Set(found.itemIds)).toEqual(new Set([ids.screw, ids.scr, ids.scrLong]));
    expect(found.total).toBe(3);
  });

  it("matches two Chinese characters and a single one", () => {
    const index = ItemSearchIndex.build(db);
    expect(new Set(index.search("螺丝").itemIds)).toEqual(new Set([ids.screw, ids.scr, ids.scrLong]));
    expect(index.search("螺母").itemIds).toEqual([ids.nut]);
    expect(index.search("螺").total).toBe(5);
    expect(index.search("刀").itemIds).toEqual([ids.scr]);
  });

  it("matches aliases in either language", () => {
    const index = ItemSearchIndex.build(db);
    expect(index.search("machine").itemIds).toEqual([ids.screw]);
    expect(index.search("机螺").itemIds).toEqual([ids.screw]);
  });

  it("normalises full-width and upper-case queries", () => {
    const index = ItemSearchIndex.build(db);
    expect(index.search("ＨＥＸ").total).toBe(2);
    expect(index.search("  hex   bolt ").itemIds).toEqual([ids.bolt]);
  });

  it("ranks exact SKU, then SKU prefix, then name prefix, then the rest by SKU", () => {
    const index = ItemSearchIndex.build(db);
    // "scr": exact SKU SCR, SKU prefixes SCR-M4 and SCR-M4-LONG (SKU order); "screw" inside other names.
    expect(index.search("scr").itemIds).toEqual([ids.scr, ids.screw, ids.scrLong]);
    // "screw": a name prefix (Screwdriver) before a match inside a name.
    const extra = addItem(db, { sku: "AAA-1", name: "Big screw" });
    index.refreshIfStale();
    expect(index.search("screwd").itemIds).toEqual([ids.scr]);
    expect(index.search("screw").itemIds).toEqual([ids.scr, extra, ids.screw, ids.scrLong]);
  });

  it("returns the total and one page at a time", () => {
    const index = ItemSearchIndex.build(db);
    const all = index.search("螺", { limit: 100 });
    expect(all.total).toBe(5);
    const first = index.search("螺", { limit: 2 });
    const second = index.search("螺", { offset: 2, limit: 2 });
    const third = index.search("螺", { offset: 4, limit: 2 });
    expect(first.total).toBe(5);
    expect([...first.itemIds, ...second.itemIds, ...third.itemIds]).toEqual(all.itemIds);
    expect(third.itemIds).toHaveLength(1);
    expect(index.search("螺", { offset: 10 })).toEqual({ total: 5, itemIds: [] });
  });

  it("leaves archived items out", () => {
    archiveItem(db, ids.nut ?? 0, ctx);
    const index = ItemSearchIndex.build(db);
    expect(index.search("螺母").total).toBe(0);
    expect(index.search("hex").itemIds).toEqual([ids.bolt]);
  });

  it("finds nothing for nonsense and suggests close items for typos", () => {
    const index = ItemSearchIndex.build(db);
    expect(index.search("zzz")).toEqual({ total: 0, itemIds: [] });
    expect(index.search("")).toEqual({ total: 0, itemIds: [] });
    expect(index.suggest("scerw")).toContain(ids.screw);
    expect(index.suggest("六角螺钉")).toEqual(expect.arrayContaining([ids.bolt, ids.nut]));
    expect(index.suggest("qqqqqq")).toEqual([]);
  });

  it("suggests the items sharing the longest piece of the query first, down to half its length", () => {
    // The SKUs hold digits, so no typo word stands in for the pieces.
    const part = {
      four: addItem(db, { sku: "AB12XY", name: "Part" }),
      fiveB: addItem(db, { sku: "AB12CE-2", name: "Part" }),
      two: addItem(db, { sku: "AB99XX", name: "Part" }),
      fiveC: addItem(db, { sku: "AB12CX", name: "Part" }),
      fiveA: addItem(db, { sku: "AB12C-CD", name: "Part" }),
      fiveD: addItem(db, { sku: "ZAB12CE", name: "Part" }),
    };
    const index = ItemSearchIndex.build(db);
    expect(index.search("ab12cd").total).toBe(0);
    // "ab12c" first, ranked as a search ranks it (SKU prefix before the rest, each in SKU order).
    expect(index.suggest("ab12cd", 4)).toEqual([part.fiveA, part.fiveB, part.fiveC, part.fiveD]);
    expect(index.suggest("ab12cd", 2)).toEqual([part.fiveA, part.fiveB]);
    // Then "ab12"; "ab" is less than half of "ab12cd", so AB99XX is no suggestion.
    expect(index.suggest("ab12cd", 10)).toEqual([part.fiveA, part.fiveB, part.fiveC, part.fiveD, part.four]);
  });

  it("suggests from the longest piece of a query of several words", () => {
    const screws = [
      addItem(db, { sku: "ZS-M4", name: "Zinc Screw M4x60" }),
      addItem(db, { sku: "ZS-M6", name: "Zinc Screw M6x20" }),
    ];
    addItem(db, { sku: "BN-M5", name: "Brass Nut M5x10" });
    const index = ItemSearchIndex.build(db);
    expect(index.search("zinc screw m5x").total).toBe(0);
    // "zinc screw m" first; then "screw m" (half the query) brings the fixture's screws, not the nut.
    expect(index.suggest("zinc screw m5x", 5)).toEqual([...screws, ids.screw, ids.scrLong]);
  });

  it("suggests the items holding most of a query with a typo first, when its pieces are apart", () => {
    const hinge = addItem(db, { sku: "SH-1", name: "Stainless Hinge" });
    const stainlessWasher = addItem(db, { sku: "SW-8", name: "Stainless Washer M8" });
    addItem(db, { sku: "W-8", name: "Washer M8" });
    const index = ItemSearchIndex.build(db);
    expect(index.search("stainles washer").total).toBe(0);
    // "stainles" + "washer" (14 of 15 characters), then "stainles" alone (8, in SKU order: SCR-M4
    // before SH-1); "washer" alone is less than half the query.
    expect(index.suggest("stainles washer", 3)).toEqual([stainlessWasher, ids.screw, hinge]);
    // Among many items the few that hold pieces are sorted rather than found by a walk: same answer.
    for (let n = 0; n < 200; n++) addItem(db, { sku: `P-${n}`, name: `Part ${n}` });
    expect(ItemSearchIndex.build(db).suggest("stainles washer", 3)).toEqual([
      stainlessWasher,
      ids.screw,
      hinge,
    ]);
  });

  it("holds what a list shows of each active item, as the items table has it", () => {
    const box = addItem(db, { sku: "BOX-1", name: "Box", baseUnit: "box", reorderPoint: 0, nameZh: "" });
    const glove = addItem(db, { sku: "GLV", name: "手套 Glove", nameZh: "手套", reorderPoint: 25 });
    const archived = addItem(db, { sku: "OLD", name: "Old part" });
    archiveItem(db, archived, ctx);
    const index = ItemSearchIndex.build(db);
    const shown = [glove, ...Object.values(ids), box];
    expect(index.summariesOf([...shown, archived, 9999])).toEqual(shown.map((id) => readItemSummary(db, id)));
  });

  it("sees this process's item writes at the next refresh, and only then", () => {
    const index = ItemSearchIndex.build(db);
    const washer = addItem(db, { sku: "WSH-8", name: "Washer", nameZh: "垫圈", barcodes: ["4006381333931"] });
    expect(index.search("垫圈").total).toBe(0);
    expect(index.mayBeCode("wsh-8")).toBe(false);
    index.refreshIfStale();
    expect(index.search("垫圈").itemIds).toEqual([washer]);
    expect(index.mayBeCode("wsh-8")).toBe(true);
    expect(index.mayBeCode("4006381333931")).toBe(true);
  });

  it("keeps its snapshot while other tables change", () => {
    const index = ItemSearchIndex.build(db);
    const snapshotOf = () => (index as unknown as { snapshot: object }).snapshot;
    const built = snapshotOf();
    db.$client.prepare("insert into warehouses (code, name, updated_at) values ('WH9', 'Nine', 0)").run();
    index.refreshIfStale();
    expect(snapshotOf()).toBe(built);
  });

  it("says which texts may be a code: every SKU (ignoring case, archived too) and barcode", () => {
    archiveItem(db, addItem(db, { sku: "OLD-1", name: "Old part" }), ctx);
    const index = ItemSearchIndex.build(db);
    for (const code of ["SCR-M4", "scr-m4", "Nut-m6", "old-1", "6901234567890"]) {
      expect(index.mayBeCode(code), code).toBe(true);
    }
    for (const text of ["hex bolt", "螺丝", "SCR-M", "690123456789"])
      expect(index.mayBeCode(text), text).toBe(false);
  });

  it("forgets a build made inside a transaction that rolled back", () => {
    const index = ItemSearchIndex.build(db);
    const rollback = new Error("rolled back on purpose");
    expect(() =>
      db.transaction(() => {
        addItem(db, { sku: "TMP-1", name: "Temporary washer" });
        index.refreshIfStale();
        expect(index.search("temporary").total).toBe(1);
        throw rollback;
      }),
    ).toThrow(rollback);
    // The next commit brings the counter back to the value the rolled-back build saw.
    const kept = addItem(db, { sku: "KPT-1", name: "Kept washer" });
    index.refreshIfStale();
    expect(index.search("temporary").total).toBe(0);
    expect(index.search("kept washer").itemIds).toEqual([kept]);
  });
});

describe("ItemSearchIndex across connections", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "jxc-search-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("rebuilds when another connection commits item changes", () => {
    const path = join(dir, "jxc.sqlite");
    const app = openDatabase(path);
    const other = openDatabase(path);
    addItem(app, { sku: "A-1", name: "Anchor" });
    const index = ItemSearchIndex.build(app);
    expect(index.search("hinge").total).toBe(0);
    const hinge = addItem(other, { sku: "H-1", name: "Door hinge", nameZh: "合页" });
    index.refreshIfStale();
    expect(index.search("hinge").itemIds).toEqual([hinge]);
    expect(index.search("合页").itemIds).toEqual([hinge]);
    app.$client.close();
    other.$client.close();
  });
});
