import { docCount, GramCursor, gramOf, visitBoth, visitDocs } from "./search-postings.ts";
import type { Snapshot } from "./search-snapshot.ts";
import { entryDoc, entryOffset, entryStartsField, sortedChars, suffixRange } from "./search-suffixes.ts";
import { fieldMarker, fieldSeparator, startMarker } from "./search-text.ts";

const unseen = -1;

/**
 * The documents one search has seen and the best group of each, as `stamp << 2 | group` in the
 * snapshot's reused array (a Set of 100k numbers costs ~10 ms).
 */
export class DocMarks {
  private readonly stamp: number;
  private readonly marks: Uint32Array;
  constructor(snapshot: Snapshot) {
    if (snapshot.epoch >= 0x3ffffffe) {
      snapshot.marks.fill(0);
      snapshot.epoch = 0;
    }
    this.stamp = ++snapshot.epoch << 2;
    this.marks = snapshot.marks;
  }
  /** The document's group so far, or `unseen`. */
  groupOf(doc: number): number {
    const mark = this.marks[doc] ?? 0;
    return (mark & ~3) === this.stamp ? mark & 3 : unseen;
  }
  set(doc: number, group: number): void {
    this.marks[doc] = this.stamp | group;
  }
  has(doc: number): boolean {
    return this.groupOf(doc) !== unseen;
  }
  add(doc: number): void {
    this.set(doc, 0);
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
 * place decides its group; each group keeps only its lowest `need` documents
 * as they pass, so a word in 10,000 items costs one pass and no sort.
 */
export function rankLongQuery(
  snapshot: Snapshot,
  text: string,
  need: number,
  barcodeDoc: number | undefined,
): RankedMatches {
  const { texts, suffixes } = snapshot;
  const { entries } = suffixes;
  const seen = new DocMarks(snapshot);
  const tops = new GroupTops(need);
  // The barcode's item is placed first on its own, wherever else it matches.
  const skipped = barcodeDoc ?? -1;
  let distinct = 0;
  const [from, to] = suffixRange(suffixes, texts, text);
  const checkRest = text.length > sortedChars;
  for (let i = from; i < to; i++) {
    const entry = entries[i] ?? 0;
    const doc = entryDoc(suffixes, entry);
    const offset = entryOffset(suffixes, entry);
    // Only an SKU match or a query longer than the sorted prefix reads the text: a random read
    // per match would cost more than all the rest.
    if (doc === skipped || (checkRest && !(texts[doc] ?? "").startsWith(text, offset))) continue;
    const group =
      offset > 0 ? (entryStartsField(entry) ? fieldStart : inside) : skuGroup(texts[doc] ?? "", text);
    distinct += placeMatch(seen, tops, doc, group);
  }
  for (const doc of suffixes.longDocs) {
    if (doc === skipped) continue;
    const itemText = texts[doc] ?? "";
    for (let at = itemText.indexOf(text); at >= 0; at = itemText.indexOf(text, at + 1)) {
      const group =
        at > 0
          ? itemText.charCodeAt(at - 1) === fieldMarker
            ? fieldStart
            : inside
          : skuGroup(itemText, text);
      distinct += placeMatch(seen, tops, doc, group);
    }
  }
  const groups = tops.groups;
  if (barcodeDoc !== undefined) groups[0]?.unshift(barcodeDoc);
  const [exact = [], skuPrefix = [], namePrefix = [], others = []] = groups;
  return { exact, skuPrefix, namePrefix, others, total: distinct + (barcodeDoc === undefined ? 0 : 1) };
}

/**
 * Records one place a document matches, in its group if that is the best one so far; 1 when the
 * document is new to this search. A plain function, not a closure: captured counters live on the
 * heap, which made a common word's pass four times slower.
 */
function placeMatch(seen: DocMarks, tops: GroupTops, doc: number, group: number): number {
  const previous = seen.groupOf(doc);
  if (previous === unseen) {
    seen.set(doc, group);
    tops.offer(group, doc);
    return 1;
  }
  if (group < previous) {
    seen.set(doc, group);
    tops.promote(doc, previous, group);
  }
  return 0;
}

/**
 * The lowest `need` documents offered to each group, kept sorted. A document
 * promoted to a better group leaves its old list one short, and the list stays
 * short: the page then needs one fewer from it, since the promoted document is
 * on the page ahead of it — or a better group is full and the page never
 * reaches the old one.
 */
class GroupTops {
  readonly groups: number[][] = [[], [], [], []];
  /** Offers from here up change nothing. */
  private readonly ceiling = new Int32Array(4).fill(0x7fffffff);
  constructor(private readonly need: number) {
    if (need === 0) this.ceiling.fill(0);
  }

  /** Small, so that it inlines: most offers of a common word stop at the ceiling. */
  offer(group: number, doc: number): void {
    if (doc < (this.ceiling[group] ?? 0)) this.insert(group, doc);
  }

  private insert(group: number, doc: number): void {
    const members = this.groups[group] ?? [];
    if (members.length === this.need) members.pop();
    let at = members.length;
    while (at > 0 && (members[at - 1] ?? 0) > doc) at--;
    members.splice(at, 0, doc);
    if (members.length === this.need) this.ceiling[group] = members[members.length - 1] ?? 0;
  }

  promote(doc: number, from: number, to: number): void {
    const members = this.groups[from] ?? [];
    const at = members.indexOf(doc);
    if (at >= 0) members.splice(at, 1);
    this.offer(to, doc);
  }
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
