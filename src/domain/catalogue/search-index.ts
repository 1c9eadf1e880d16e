import type { Statement } from "better-sqlite3";
import type { Db } from "../../../db/client.ts";
import { editDistance } from "../../text/closest-match.ts";
import { buildPostings, intersectPostings, type Postings, postingFor } from "./search-postings.ts";
import {
  composeItemText,
  fieldMarker,
  fieldSeparator,
  normaliseSearchText,
  splitWords,
  startMarker,
} from "./search-text.ts";

/** Everything one build produced; swapped whole on refresh so a search never sees half an index. */
interface Snapshot {
  /** Per-document stamps for "already ranked" during one search; reused to avoid a Set per query. */
  marks: Uint32Array;
  epoch: number;
  /** Document number → item id; documents are numbered in SKU order, so every match list is SKU-sorted. */
  itemIds: Int32Array;
  /** Document number → normalised "sku\nname\nname_zh\naliases…". */
  texts: string[];
  postings: Postings;
  /** Normalised barcode → documents. */
  barcodes: Map<string, number[]>;
  /** Distinct words without digits, built on the first suggestion (the rare path). */
  words?: string[];
}

const defaultLimit = 20;
const suggestionWords = 5;

/**
 * In-memory character n-gram index over active items, so `/stock 螺丝` or
 * `/stock crew` answers in about a millisecond at 100k items where a
 * `LIKE '%x%'` scan takes tens and FTS5 trigrams cannot match two characters.
 */
export class ItemSearchIndex {
  private snapshot: Snapshot;
  private dataVersion: number;
  private localVersion = 0;
  private builtLocalVersion = 0;
  private readonly dataVersionQuery: Statement;

  private constructor(private readonly db: Db) {
    this.dataVersionQuery = db.$client.prepare("pragma data_version").pluck();
    this.dataVersion = this.readDataVersion();
    this.snapshot = buildSnapshot(db);
  }

  /** Reads every active item and builds the index (about a second at 100k items). */
  static build(db: Db): ItemSearchIndex {
    return new ItemSearchIndex(db);
  }

  /**
   * Items whose SKU or barcode equals the query or whose SKU, name, Chinese name
   * or alias contains it: exact SKU/barcode first, then SKU prefix, then name
   * prefix, then the rest, each group in SKU order.
   */
  search(
    query: string,
    options: { offset?: number; limit?: number } = {},
  ): { total: number; itemIds: number[] } {
    const offset = Math.max(0, options.offset ?? 0);
    const limit = Math.max(0, options.limit ?? defaultLimit);
    const text = normaliseSearchText(query);
    if (text === "") return { total: 0, itemIds: [] };
    const snapshot = this.snapshot;
    const candidates = this.candidates(text);
    const ranked = new DocMarks(snapshot);
    const { exact, skuPrefix, namePrefix } = rankPrefixMatches(snapshot, text, candidates, ranked);
    const wanted = offset + limit - exact.length - skuPrefix.length - namePrefix.length;
    const others: number[] = [];
    let total = exact.length + skuPrefix.length + namePrefix.length;
    if (text.length <= 2) {
      // One gram covers the whole query, so every candidate matches: count without reading texts.
      total = candidates.length + exact.filter((doc) => !candidates.includes(doc)).length;
      for (let i = 0; i < candidates.length && others.length < wanted; i++) {
        const doc = candidates[i] ?? 0;
        if (!ranked.has(doc)) others.push(doc);
      }
    } else {
      for (const doc of candidates) {
        if (ranked.has(doc) || !(snapshot.texts[doc] ?? "").includes(text)) continue;
        total++;
        if (others.length < wanted) others.push(doc);
      }
    }
    const page = pageOf([exact, skuPrefix, namePrefix, others], offset, limit);
    return { total, itemIds: page.map((doc) => this.snapshot.itemIds[doc] ?? 0) };
  }

  /**
   * The closest items when nothing matches: words within a few typos of the
   * query ("scerw" → screw), else the items sharing most character pairs with it.
   */
  suggest(query: string, limit = 5): number[] {
    const text = normaliseSearchText(query);
    if (text === "" || limit <= 0) return [];
    const found = new Set<number>();
    for (const word of this.closestWords(text)) {
      for (const id of this.search(word, { limit }).itemIds) if (found.size < limit) found.add(id);
    }
    for (const id of this.mostOverlapping(text, limit)) if (found.size < limit) found.add(id);
    return [...found];
  }

  /** Rebuilds when another connection committed (SQLite data_version) or this process called markChanged. */
  refreshIfStale(): void {
    const version = this.readDataVersion();
    if (version === this.dataVersion && this.localVersion === this.builtLocalVersion) return;
    const localVersion = this.localVersion;
    this.snapshot = buildSnapshot(this.db);
    this.dataVersion = version;
    this.builtLocalVersion = localVersion;
  }

  /** Call after this process writes items: its own commits do not change data_version. */
  markChanged(): void {
    this.localVersion++;
  }

  private readDataVersion(): number {
    return Number(this.dataVersionQuery.get());
  }

  /** Documents containing every character pair of the query (exactly the matches for 1–2 characters). */
  private candidates(text: string): Int32Array {
    const { postings } = this.snapshot;
    if (text.length === 1) return postingFor(postings, -1, text.charCodeAt(0));
    const lists: Int32Array[] = [];
    for (let i = 1; i < text.length; i++) {
      const list = postingFor(postings, text.charCodeAt(i - 1), text.charCodeAt(i));
      if (list.length === 0) return list;
      lists.push(list);
    }
    return intersectPostings(lists);
  }

  private closestWords(text: string): string[] {
    this.snapshot.words ??= collectWords(this.snapshot.texts);
    const allowed = Math.max(1, Math.floor(text.length / 3));
    const scored: { word: string; distance: number }[] = [];
    for (const word of this.snapshot.words) {
      if (Math.abs(word.length - text.length) > allowed) continue;
      const distance = editDistance(text, word);
      if (distance <= allowed) scored.push({ word, distance });
    }
    scored.sort((a, b) => a.distance - b.distance || (a.word < b.word ? -1 : 1));
    return scored.slice(0, suggestionWords).map((entry) => entry.word);
  }

  private mostOverlapping(text: string, limit: number): number[] {
    const { postings, itemIds } = this.snapshot;
    const scores = new Uint8Array(itemIds.length);
    const touched: number[] = [];
    let pairs = 0;
    for (let i = 1; i < text.length; i++) {
      pairs++;
      for (const doc of postingFor(postings, text.charCodeAt(i - 1), text.charCodeAt(i))) {
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = Math.min(255, (scores[doc] ?? 0) + 1);
      }
    }
    const needed = Math.max(1, Math.ceil(pairs / 2));
    return touched
      .filter((doc) => (scores[doc] ?? 0) >= needed)
      .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b)
      .slice(0, limit)
      .map((doc) => itemIds[doc] ?? 0);
  }
}

/** A set of documents for one search, as stamps in a reused array (a Set of 100k numbers costs ~10 ms). */
class DocMarks {
  private readonly stamp: number;
  constructor(private readonly snapshot: Snapshot) {
    if (snapshot.epoch >= 0xfffffffe) {
      snapshot.marks.fill(0);
      snapshot.epoch = 0;
    }
    this.stamp = ++snapshot.epoch;
  }
  add(doc: number): void {
    this.snapshot.marks[doc] = this.stamp;
  }
  has(doc: number): boolean {
    return this.snapshot.marks[doc] === this.stamp;
  }
}

/** The matches that rank first: exact SKU or barcode, then SKU prefix, then name/alias prefix. */
function rankPrefixMatches(
  snapshot: Snapshot,
  text: string,
  candidates: Int32Array,
  ranked: DocMarks,
): { exact: number[]; skuPrefix: number[]; namePrefix: number[] } {
  const { texts, postings } = snapshot;
  const first = text.charCodeAt(0);
  const exact = [...(snapshot.barcodes.get(text) ?? [])];
  for (const doc of exact) ranked.add(doc);
  const skuPrefix: number[] = [];
  for (const doc of intersectPostings([candidates, postingFor(postings, startMarker, first)])) {
    const itemText = texts[doc] ?? "";
    if (ranked.has(doc) || !itemText.startsWith(text)) continue;
    ranked.add(doc);
    const whole = itemText.length === text.length || itemText.charCodeAt(text.length) === fieldMarker;
    (whole ? exact : skuPrefix).push(doc);
  }
  const namePrefix: number[] = [];
  const fieldStart = fieldSeparator + text;
  for (const doc of intersectPostings([candidates, postingFor(postings, fieldMarker, first)])) {
    if (ranked.has(doc) || !(texts[doc] ?? "").includes(fieldStart)) continue;
    ranked.add(doc);
    namePrefix.push(doc);
  }
  return { exact, skuPrefix, namePrefix };
}

function collectWords(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const word of splitWords(text)) if (!/\d/.test(word)) words.add(word);
  return [...words];
}

function buildSnapshot(db: Db): Snapshot {
  const rows = db.$client
    .prepare("select id, sku, name, name_zh from items where archived = 0")
    .raw()
    .all() as [number, string, string, string | null][];
  const aliases = new Map<number, string[]>();
  const aliasRows = db.$client
    .prepare(
      "select a.item_id, a.alias from item_aliases a join items i on i.id = a.item_id where i.archived = 0",
    )
    .raw()
    .all() as [number, string][];
  for (const [itemId, alias] of aliasRows) {
    const list = aliases.get(itemId);
    if (list) list.push(alias);
    else aliases.set(itemId, [alias]);
  }
  const unsorted = rows.map(([id, sku, name, nameZh]) => ({
    id,
    sku: normaliseSearchText(sku),
    text: composeItemText(sku, name, nameZh, aliases.get(id) ?? []),
  }));
  unsorted.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : a.id - b.id));
  const itemIds = Int32Array.from(unsorted, (entry) => entry.id);
  const texts = unsorted.map((entry) => entry.text);
  const docOfItem = new Map<number, number>();
  for (const [doc, id] of itemIds.entries()) docOfItem.set(id, doc);
  const barcodes = new Map<string, number[]>();
  const barcodeRows = db.$client.prepare("select barcode, item_id from item_barcodes").raw().all() as [
    string,
    number,
  ][];
  for (const [barcode, itemId] of barcodeRows) {
    const doc = docOfItem.get(itemId);
    if (doc === undefined) continue;
    const key = normaliseSearchText(barcode);
    const list = barcodes.get(key);
    if (list) list.push(doc);
    else barcodes.set(key, [doc]);
  }
  return {
    itemIds,
    texts,
    postings: buildPostings(texts),
    barcodes,
    marks: new Uint32Array(itemIds.length),
    epoch: 0,
  };
}

/** One page of the concatenated groups, without copying groups that lie wholly outside it. */
function pageOf(groups: readonly number[][], offset: number, limit: number): number[] {
  const page: number[] = [];
  let skip = offset;
  for (const group of groups) {
    if (page.length >= limit) break;
    if (skip >= group.length) {
      skip -= group.length;
      continue;
    }
    page.push(...group.slice(skip, skip + limit - page.length));
    skip = 0;
  }
  return page;
}
