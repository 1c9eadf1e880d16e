import type { Db } from "../../../db/client.ts";
import { buildCodeFilter, type CodeFilter } from "./search-codes.ts";
import { buildPostings, type Postings } from "./search-postings.ts";
import { buildSuffixes, type Suffixes } from "./search-suffixes.ts";
import { PackedSummaries, type SummaryFields } from "./search-summaries.ts";
import { composeItemText, splitWords } from "./search-text.ts";

/** Everything one build produced; swapped whole on refresh so a search never sees half an index. */
export interface Snapshot {
  /** Per-document stamps of the current search (seen, and best group); reused to avoid a Set per query. */
  marks: Uint32Array;
  epoch: number;
  /** Document number → item id; documents are numbered in SKU order, so every match list is SKU-sorted. */
  itemIds: Int32Array;
  /** Document number → normalised "sku\nname\nname_zh\naliases…". */
  texts: string[];
  postings: Postings;
  /** Every position of every text, sorted: queries of three characters or more. */
  suffixes: Suffixes;
  /** What a list of matches shows of each document, so a page reads only quantities from SQLite. */
  summaries: PackedSummaries;
  /** Which texts may be an item's SKU or barcode (archived items included). */
  codes: CodeFilter;
  /** Item id → document + 1 (0 = not indexed), to place a barcode hit found in SQLite. */
  docOfItem: Int32Array;
  /** Distinct words without digits, built on the first suggestion (the rare path). */
  words?: string[];
  /** Per-document scratch of the suggestions, made on the first and left zeroed after each. */
  suggestScratch?: { scores: Uint16Array; lastPiece: Uint8Array };
}

/**
 * Reads active items in SKU order (so document numbers are SKU ranks) one row
 * at a time, keeping only the normalised text of each: the peak memory of a
 * build is little more than the index it leaves behind.
 */
export function buildSnapshot(db: Db): Snapshot {
  const aliases = new Map<number, string[]>();
  const aliasRows = db.$client
    .prepare(
      "select a.item_id, a.alias from item_aliases a join items i on i.id = a.item_id where i.archived = 0",
    )
    .raw()
    .iterate() as IterableIterator<[number, string]>;
  for (const [itemId, alias] of aliasRows) {
    const list = aliases.get(itemId);
    if (list) list.push(alias);
    else aliases.set(itemId, [alias]);
  }
  const ids: number[] = [];
  const texts: string[] = [];
  const summaryRows: SummaryFields[] = [];
  const itemRows = db.$client
    .prepare(
      `select id, sku, name, name_zh, base_unit, reorder_point from items where archived = 0
        order by sku collate nocase, id`,
    )
    .raw()
    .iterate() as IterableIterator<[number, string, string, string | null, string, number | null]>;
  for (const [id, sku, name, nameZh, baseUnit, reorderPoint] of itemRows) {
    ids.push(id);
    texts.push(composeItemText(sku, name, nameZh, aliases.get(id) ?? []));
    summaryRows.push({ sku, name, nameZh, baseUnit, reorderPoint });
  }
  const itemIds = Int32Array.from(ids);
  const docOfItem = new Int32Array(ids.reduce((max, id) => Math.max(max, id), 0) + 1);
  itemIds.forEach((id, doc) => {
    docOfItem[id] = doc + 1;
  });
  return {
    itemIds,
    texts,
    postings: buildPostings(texts),
    suffixes: buildSuffixes(texts),
    summaries: PackedSummaries.pack(summaryRows),
    codes: buildCodeFilter(db),
    docOfItem,
    marks: new Uint32Array(itemIds.length),
    epoch: 0,
  };
}

/** Distinct words without digits (names, not codes), for typo suggestions. */
export function collectWords(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const word of splitWords(text)) if (!/\d/.test(word)) words.add(word);
  return [...words];
}
