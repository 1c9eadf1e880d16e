import { docCount, GramCursor, gramOf, visitBoth, visitDocs } from "./search-postings.ts";
import type { Snapshot } from "./search-snapshot.ts";
import { entryDoc, entryOffset, entryStartsField, sortedChars, suffixRange } from "./search-suffixes.ts";
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
 * Ranks a query of three characters or more from its range of the suffix
 * array: each entry there is one place the query occurs (checked past
 * `sortedChars` only) and says whether a field starts there, so the total and
 * the groups come without reading any text but an SKU's. A document's best
 * place decides its group.
 */
export function rankLongQuery(
  snapshot: Snapshot,
  text: string,
  need: number,
  barcodeDoc: number | undefined,
): RankedMatches {
  const { texts, suffixes, best, matches } = snapshot;
  const seen = new DocMarks(snapshot);
  let distinct = 0;
  const place = (doc: number, group: number) => {
    if (doc === barcodeDoc) return;
    if (!seen.has(doc)) {
      seen.add(doc);
      best[doc] = group;
      matches[distinct++] = doc;
    } else if (group < (best[doc] ?? inside)) best[doc] = group;
  };
  const [from, to] = suffixRange(suffixes, texts, text);
  for (let i = from; i < to; i++) {
    const entry = suffixes.entries[i] ?? 0;
    const doc = entryDoc(suffixes, entry);
    const offset = entryOffset(suffixes, entry);
    // Only an SKU match or a query longer than the sorted prefix reads the text: a random read
    // per match would cost more than all the rest.
    if (text.length > sortedChars && !(texts[doc] ?? "").startsWith(text, offset)) continue;
    place(
      doc,
      offset > 0 ? (entryStartsField(entry) ? fieldStart : inside) : skuGroup(texts[doc] ?? "", text),
    );
  }
  for (const doc of suffixes.longDocs) {
    const itemText = texts[doc] ?? "";
    for (let at = itemText.indexOf(text); at >= 0; at = itemText.indexOf(text, at + 1))
      place(
        doc,
        at > 0
          ? itemText.charCodeAt(at - 1) === fieldMarker
            ? fieldStart
            : inside
          : skuGroup(itemText, text),
      );
  }
  const groups = firstOfEachGroup(snapshot, seen, distinct, need);
  if (barcodeDoc !== undefined) groups[0]?.unshift(barcodeDoc);
  const [exact = [], skuPrefix = [], namePrefix = [], others = []] = groups;
  return { exact, skuPrefix, namePrefix, others, total: distinct + (barcodeDoc === undefined ? 0 : 1) };
}

/**
 * Each group's first `need` members in document (SKU) order, from the `distinct` matches gathered
 * in `snapshot.matches`: a few are sorted; for many, a walk over the documents in order, stopping
 * once each group has its part, costs less.
 */
function firstOfEachGroup(snapshot: Snapshot, seen: DocMarks, distinct: number, need: number): number[][] {
  const { best, matches, texts } = snapshot;
  const sizes = new Int32Array(4);
  for (let i = 0; i < distinct; i++) {
    const group = best[matches[i] ?? 0] ?? inside;
    sizes[group] = (sizes[group] ?? 0) + 1;
  }
  let wanted = 0;
  for (const size of sizes) wanted += Math.min(size, need);
  const groups: number[][] = [[], [], [], []];
  const add = (doc: number) => {
    const members = groups[best[doc] ?? inside];
    if (members && members.length < need) {
      members.push(doc);
      wanted--;
    }
  };
  if (distinct * 32 < texts.length) for (const doc of matches.subarray(0, distinct).sort()) add(doc);
  else for (let doc = 0; wanted > 0 && doc < texts.length; doc++) if (seen.has(doc)) add(doc);
  return groups;
}

const fieldStart = 2;
const inside = 3;

/** An SKU that is the query (group 0) or starts with it (group 1). */
function skuGroup(itemText: string, text: string): number {
  return itemText.length === text.length || itemText.charCodeAt(text.length) === fieldMarker ? 0 : 1;
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
