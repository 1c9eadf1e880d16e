// The search index against a plain model: every match found by `includes`, ranked by the rules
// search() documents, then paged. Random catalogues exercise short and long queries, sparse and
// dense posting lists, barcodes, archived items and every page.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/client.ts";
import { archiveItem, upsertItem } from "../../src/domain/catalogue/items.ts";
import { ItemSearchIndex } from "../../src/domain/catalogue/search-index.ts";
import { composeItemText, normaliseSearchText } from "../../src/domain/catalogue/search-text.ts";

const ctx = { userId: "U0ADMIN", at: 1_700_000_000_000 };
const words = [
  "screw",
  "Screwdriver",
  "nut",
  "Nut",
  "M4",
  "m4x10",
  "hex",
  "ＨＥＸ",
  "螺丝",
  "螺母",
  "钢制",
  "ab",
  "b",
];

interface Generated {
  sku: string;
  name: string[];
  nameZh: string | null;
  aliases: string[];
  barcode: boolean;
  archived: boolean;
}

const itemArb: fc.Arbitrary<Generated> = fc.record({
  sku: fc.stringMatching(/^[abs][ab12-]{0,4}$/),
  name: fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 5 }),
  nameZh: fc.option(fc.constantFrom("螺丝", "黄铜螺母", "钢制螺丝刀", "ab 螺"), { nil: null }),
  aliases: fc.uniqueArray(fc.constantFrom("machine screw", "SCR", "机螺钉", "nut m4", "Hex nut"), {
    maxLength: 3,
  }),
  barcode: fc.boolean(),
  archived: fc.boolean(),
});

// A query is typed, or cut from some item's name or alias (so long queries match), or a barcode.
type QuerySpec = string | { item: number; from: number; length: number };
const queryArb: fc.Arbitrary<QuerySpec> = fc.oneof(
  fc.constantFrom(
    "s",
    "a",
    "螺",
    "ab",
    "螺丝",
    "scr",
    "screw",
    "nut",
    "nut m4",
    "ＳＣＲ",
    " Hex  ",
    "x",
    "b-",
  ),
  fc.stringMatching(/^[abs][ab12-]{0,3}$/),
  fc.record({
    item: fc.nat(),
    from: fc.nat(20),
    length: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 9, max: 40 })),
  }),
  fc.constantFrom("6900000000001", "6900000000002", "6900000000003"),
);

function queryText(spec: QuerySpec, items: Generated[]): string {
  if (typeof spec === "string") return spec;
  const item = items[spec.item % items.length];
  const source = [item?.name.join(" "), ...(item?.aliases ?? [])][spec.from % 2] ?? "";
  return source.slice(spec.from % Math.max(1, source.length)).slice(0, spec.length);
}

function catalogue(items: Generated[]): Db {
  const db = openDatabase(":memory:");
  const seen = new Set<string>();
  items.forEach((item, n) => {
    if (seen.has(item.sku.toLowerCase())) return;
    seen.add(item.sku.toLowerCase());
    const { id } = upsertItem(
      db,
      {
        sku: item.sku,
        name: item.name.join(" "),
        nameZh: item.nameZh,
        baseUnit: "pcs",
        aliases: item.aliases,
        barcodes: item.barcode ? [`69${String(n).padStart(11, "0")}`] : [],
      },
      ctx,
    );
    if (item.archived) archiveItem(db, id, ctx);
  });
  return db;
}

/** What search() promises, computed the slow way. */
function expected(db: Db, query: string, offset: number, limit: number) {
  const text = normaliseSearchText(query);
  if (text === "") return { total: 0, itemIds: [] };
  const docs = db.$client
    .prepare("select id, sku, name, name_zh from items where archived = 0 order by sku collate nocase, id")
    .raw()
    .all() as [number, string, string, string | null][];
  const aliases = (id: number) =>
    db.$client.prepare("select alias from item_aliases where item_id = ?").pluck().all(id) as string[];
  const owner = db.$client
    .prepare(
      "select i.id from item_barcodes b join items i on i.id = b.item_id where barcode = ? and archived = 0",
    )
    .pluck()
    .get(query.trim()) as number | undefined;
  const groups: number[][] = [owner === undefined ? [] : [owner], [], [], []];
  for (const [id, sku, name, nameZh] of docs) {
    const itemText = composeItemText(sku, name, nameZh, aliases(id));
    if (id === owner || !itemText.includes(text)) continue;
    const rank = !itemText.startsWith(text)
      ? itemText.includes(`\n${text}`)
        ? 2
        : 3
      : itemText.split("\n")[0] === text
        ? 0
        : 1;
    groups[rank]?.push(id);
  }
  const all = groups.flat();
  return { total: all.length, itemIds: all.slice(offset, offset + limit) };
}

describe("ItemSearchIndex against a model", () => {
  it("finds, counts, ranks and pages exactly as the model", () => {
    fc.assert(
      fc.property(
        fc.array(itemArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(queryArb, fc.nat(12), fc.integer({ min: 1, max: 7 })), {
          minLength: 1,
          maxLength: 25,
        }),
        (items, queries) => {
          const db = catalogue(items);
          const index = ItemSearchIndex.build(db);
          for (const [spec, offset, limit] of queries) {
            const query = queryText(spec, items);
            expect(index.search(query, { offset, limit }), `${query} @${offset}+${limit}`).toEqual(
              expected(db, query, offset, limit),
            );
          }
          db.$client.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
