import { postingFor, visitCommon } from "./search-postings.ts";
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

/** The matches that rank first: exact SKU or barcode, then SKU prefix, then name/alias prefix. */
export function rankPrefixMatches(
  snapshot: Snapshot,
  text: string,
  candidates: Int32Array,
  ranked: DocMarks,
  need: number,
  barcodeOwner: number | undefined,
): { exact: number[]; skuPrefix: number[]; namePrefix: number[] } {
  const { texts, postings } = snapshot;
  const first = text.charCodeAt(0);
  const byBarcode = barcodeDoc(snapshot, barcodeOwner);
  const exact = byBarcode === undefined ? [] : [byBarcode];
  if (byBarcode !== undefined) ranked.add(byBarcode);
  const skuPrefix: number[] = [];
  // Stopping once the page is full is safe: unranked matches are still counted by the caller, and
  // an exact SKU sorts before the SKUs it prefixes.
  visitCommon(candidates, postingFor(postings, startMarker, first), (doc) => {
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
  // For one character the "field starts with it" posting is already exact.
  const verify = text.length > 1;
  visitCommon(candidates, postingFor(postings, fieldMarker, first), (doc) => {
    if (!ranked.has(doc) && (!verify || (texts[doc] ?? "").includes(fieldStart))) {
      ranked.add(doc);
      namePrefix.push(doc);
    }
    return exact.length + skuPrefix.length + namePrefix.length < need;
  });
  return { exact, skuPrefix, namePrefix };
}

/** The document of the item a barcode named, when that item is in this snapshot. */
function barcodeDoc(snapshot: Snapshot, itemId: number | undefined): number | undefined {
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
