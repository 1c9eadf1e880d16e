import { docCount, GramCursor, gramOf, visitBoth, visitDocs } from "./search-postings.ts";
import type { Snapshot } from "./search-snapshot.ts";
import { fieldMarker, fieldSeparator, startMarker } from "./search-text.ts";

/** A set of documents for one search, as stamps in a reused array (a Set of 100k numbers costs ~10 ms). */
export class DocMarks {
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

/**
 * The matches by rank: exact SKU or barcode, then SKU prefix, then name/alias
 * prefix, then the rest, each in SKU order. A group holds at least its part of
 * the first `need` results, not necessarily all of its members; `total` counts
 * every match.
 */
export interface RankedMatches {
  exact: number[];
  skuPrefix: number[];
  namePrefix: number[];
  others: number[];
  total: number;
}

/**
 * Ranks a query of one or two characters, whose gram's documents are exactly
 * its matches: the total is a count, and only the page's worth of documents
 * is looked at.
 */
export function rankShortQuery(
  snapshot: Snapshot,
  text: string,
  gram: number,
  need: number,
  barcodeDoc: number | undefined,
): RankedMatches {
  const { texts, postings } = snapshot;
  const ranked = new DocMarks(snapshot);
  const first = text.charCodeAt(0);
  const exact = barcodeDoc === undefined ? [] : [barcodeDoc];
  if (barcodeDoc !== undefined) ranked.add(barcodeDoc);
  const skuPrefix: number[] = [];
  // Stopping once the page is full is safe: unranked matches are still counted, and an exact SKU
  // sorts before the SKUs it prefixes.
  visitBoth(postings, gram, gramOf(postings, startMarker, first), (doc) => {
    const itemText = texts[doc] ?? "";
    if (!ranked.has(doc) && itemText.startsWith(text)) {
      ranked.add(doc);
      const whole = itemText.length === text.length || itemText.charCodeAt(text.length) === fieldMarker;
      (whole ? exact : skuPrefix).push(doc);
    }
    return exact.length + skuPrefix.length < need;
  });
  const namePrefix: number[] = [];
  const fieldStart = fieldSeparator + text;
  // For one character the "field starts with it" gram is already exact.
  const verify = text.length > 1;
  if (exact.length + skuPrefix.length < need) {
    visitBoth(postings, gram, gramOf(postings, fieldMarker, first), (doc) => {
      if (!ranked.has(doc) && (!verify || (texts[doc] ?? "").includes(fieldStart))) {
        ranked.add(doc);
        namePrefix.push(doc);
      }
      return exact.length + skuPrefix.length + namePrefix.length < need;
    });
  }
  const others: number[] = [];
  const wanted = need - exact.length - skuPrefix.length - namePrefix.length;
  if (wanted > 0) {
    visitDocs(postings, gram, (doc) => {
      if (!ranked.has(doc)) others.push(doc);
      return others.length < wanted;
    });
  }
  const barcodeOutside = barcodeDoc !== undefined && !new GramCursor(postings, gram).has(barcodeDoc);
  const total = docCount(postings, gram) + (barcodeOutside ? 1 : 0);
  return { exact, skuPrefix, namePrefix, others, total };
}

/**
 * Ranks a longer query. Its candidates hold every character pair of it but
 * need not contain it, so each is checked once, in one pass that also sorts
 * the first `need` matches into their groups.
 */
export function rankLongQuery(
  snapshot: Snapshot,
  text: string,
  candidates: Int32Array,
  need: number,
  barcodeDoc: number | undefined,
): RankedMatches {
  const { texts, postings } = snapshot;
  const exact = barcodeDoc === undefined ? [] : [barcodeDoc];
  const skuPrefix: number[] = [];
  const namePrefix: number[] = [];
  const others: number[] = [];
  const fieldStart = fieldSeparator + text;
  // Only documents with a field starting with the query's first character can be name prefixes.
  const startsAField = new GramCursor(postings, gramOf(postings, fieldMarker, text.charCodeAt(0)));
  let total = exact.length;
  for (let i = 0; i < candidates.length; i++) {
    const doc = candidates[i] ?? 0;
    if (doc === barcodeDoc) continue;
    const itemText = texts[doc] ?? "";
    const at = itemText.indexOf(text);
    if (at < 0) continue;
    total++;
    // A group is filled only while it can still reach into the first `need` results, as the
    // short-query ranking stops its walks; past that, a match is only counted.
    const before = exact.length + skuPrefix.length;
    if (at === 0) {
      if (before >= need) continue;
      const whole = itemText.length === text.length || itemText.charCodeAt(text.length) === fieldMarker;
      (whole ? exact : skuPrefix).push(doc);
    } else if (before + namePrefix.length < need && startsAField.has(doc) && isFieldStart(itemText, at)) {
      namePrefix.push(doc);
    } else if (before + namePrefix.length + others.length < need) {
      others.push(doc);
    }
  }
  return { exact, skuPrefix, namePrefix, others, total };

  function isFieldStart(itemText: string, at: number): boolean {
    return itemText.charCodeAt(at - 1) === fieldMarker || itemText.includes(fieldStart, at);
  }
}

/** The document of the item a barcode named, when that item is in this snapshot. */
export function barcodeDoc(snapshot: Snapshot, itemId: number | undefined): number | undefined {
  if (itemId === undefined) return undefined;
  const doc = (snapshot.docOfItem[itemId] ?? 0) - 1;
  return doc >= 0 ? doc : undefined;
}

/** One page of the concatenated groups, without copying groups that lie wholly outside it. */
export function pageOf(groups: readonly number[][], offset: number, limit: number): number[] {
  const page: number[] = [];
  let skip = offset;
  for (const group of groups) {
    if (page.length >= limit) break;
    if (skip >= group.length) {
      skip -= group.length;
      continue;
    }
    for (let i = skip; i < group.length && page.length < limit; i++) page.push(group[i] ?? 0);
    skip = 0;
  }
  return page;
}
