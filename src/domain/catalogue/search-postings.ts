import { fieldMarker, startMarker } from "./search-text.ts";

/**
 * Gram → dense id. A gram is one character (a = -1) or a pair (a, b) of UTF-16
 * code units, where a may be the start or field marker. Lookup tables for
 * single characters and ASCII pairs keep the hot loop off the Map.
 */
export class GramTable {
  private readonly single = new Int32Array(65536).fill(-1);
  private readonly asciiPairs = new Int32Array(128 * 128).fill(-1);
  private readonly otherPairs = new Map<number, number>();
  size = 0;

  /** The gram's id; -1 when unknown and `create` is false. */
  id(a: number, b: number, create: boolean): number {
    if (a < 0) {
      const known = this.single[b] ?? -1;
      if (known >= 0 || !create) return known;
      this.single[b] = this.size;
      return this.size++;
    }
    if (a < 128 && b < 128) {
      const slot = a * 128 + b;
      const known = this.asciiPairs[slot] ?? -1;
      if (known >= 0 || !create) return known;
      this.asciiPairs[slot] = this.size;
      return this.size++;
    }
    const key = (a << 16) | b;
    const known = this.otherPairs.get(key);
    if (known !== undefined || !create) return known ?? -1;
    this.otherPairs.set(key, this.size);
    return this.size++;
  }
}

/** Posting lists of gram → ascending document numbers, packed in one typed array to keep memory small. */
export interface Postings {
  grams: GramTable;
  offsets: Int32Array;
  docs: Int32Array;
}

/** Writes the gram ids of `text` into `out` (room for 2 per character); returns how many. */
function writeGramIds(text: string, grams: GramTable, out: Int32Array, create: boolean): number {
  let count = 0;
  let previous = startMarker;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === fieldMarker) {
      previous = fieldMarker;
      continue;
    }
    out[count++] = grams.id(-1, code, create);
    out[count++] = grams.id(previous, code, create);
    previous = code;
  }
  return count;
}

function grow(array: Int32Array, size: number, fill: number): Int32Array {
  if (size <= array.length) return array;
  const bigger = new Int32Array(Math.max(size, array.length * 2)).fill(fill);
  bigger.set(array);
  return bigger;
}

/**
 * Builds posting lists for documents numbered 0..n-1 in two passes over the
 * texts (count, then fill one packed array), so the only large allocation is
 * the result itself.
 */
export function buildPostings(texts: readonly string[]): Postings {
  const grams = new GramTable();
  let scratch: Int32Array = new Int32Array(256);
  let counts: Int32Array = new Int32Array(4096);
  let lastDoc: Int32Array = new Int32Array(4096).fill(-1);
  for (let doc = 0; doc < texts.length; doc++) {
    const text = texts[doc] ?? "";
    scratch = grow(scratch, text.length * 2, 0);
    const count = writeGramIds(text, grams, scratch, true);
    counts = grow(counts, grams.size, 0);
    lastDoc = grow(lastDoc, grams.size, -1);
    for (let k = 0; k < count; k++) {
      const gram = scratch[k] ?? 0;
      if (lastDoc[gram] === doc) continue;
      lastDoc[gram] = doc;
      counts[gram] = (counts[gram] ?? 0) + 1;
    }
  }
  const offsets = new Int32Array(grams.size + 1);
  for (let gram = 0; gram < grams.size; gram++)
    offsets[gram + 1] = (offsets[gram] ?? 0) + (counts[gram] ?? 0);
  const cursor = offsets.slice(0, grams.size);
  const docs = new Int32Array(offsets[grams.size] ?? 0);
  lastDoc.fill(-1);
  for (let doc = 0; doc < texts.length; doc++) {
    const count = writeGramIds(texts[doc] ?? "", grams, scratch, false);
    for (let k = 0; k < count; k++) {
      const gram = scratch[k] ?? 0;
      if (lastDoc[gram] === doc) continue;
      lastDoc[gram] = doc;
      const slot = cursor[gram] ?? 0;
      docs[slot] = doc;
      cursor[gram] = slot + 1;
    }
  }
  return { grams, offsets, docs };
}

/** The documents containing a gram (a view, not a copy); empty when no document has it. */
export function postingFor(postings: Postings, a: number, b: number): Int32Array {
  const gram = postings.grams.id(a, b, false);
  if (gram < 0) return postings.docs.subarray(0, 0);
  return postings.docs.subarray(postings.offsets[gram] ?? 0, postings.offsets[gram + 1] ?? 0);
}

/** Documents present in every list; starts from the shortest so the work is bounded by it. */
export function intersectPostings(lists: readonly Int32Array[]): Int32Array {
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0] ?? new Int32Array(0);
  for (let i = 1; i < sorted.length && result.length > 0; i++) {
    const other = sorted[i];
    if (other) result = intersectTwo(result, other);
  }
  return result;
}

function intersectTwo(small: Int32Array, large: Int32Array): Int32Array {
  const out = new Int32Array(small.length);
  let size = 0;
  let j = 0;
  const search = small.length * 16 < large.length;
  for (const doc of small) {
    if (search) j = lowerBound(large, doc, j);
    else while (j < large.length && (large[j] ?? 0) < doc) j++;
    if (j >= large.length) break;
    if (large[j] === doc) out[size++] = doc;
  }
  return out.subarray(0, size);
}

/**
 * Calls `visit` with each document in both lists, in order, until it returns
 * false: walks the shorter list and gallops through the longer, so stopping
 * after a page of results costs next to nothing even for 100k-long lists.
 */
export function visitCommon(a: Int32Array, b: Int32Array, visit: (doc: number) => boolean): void {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let j = 0;
  for (let i = 0; i < short.length; i++) {
    const doc = short[i] ?? 0;
    j = lowerBound(long, doc, j);
    if (j >= long.length) return;
    if (long[j] === doc && !visit(doc)) return;
  }
}

function lowerBound(list: Int32Array, value: number, from: number): number {
  let low = from;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
