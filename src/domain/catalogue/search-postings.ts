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
  /**
   * Gram → its slot in `bitmaps`, or -1. Grams in at least 1/32 of the documents
   * also get a bitmap (no bigger than their list), so an intersection tests a
   * bit instead of searching a long list.
   */
  bitmapOf: Int32Array;
  /** One bitmap of `words` 32-bit words per slot, bit `doc` set when the document has the gram. */
  bitmaps: Uint32Array;
  words: number;
}

/** A gram in at least 1 of this many documents gets a bitmap. */
const denseShare = 32;

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
  return { grams, offsets, docs, ...buildBitmaps(offsets, docs, texts.length) };
}

function buildBitmaps(
  offsets: Int32Array,
  docs: Int32Array,
  documents: number,
): Pick<Postings, "bitmapOf" | "bitmaps" | "words"> {
  const words = (documents + 31) >>> 5;
  const bitmapOf = new Int32Array(offsets.length - 1).fill(-1);
  let slots = 0;
  for (let gram = 0; gram < bitmapOf.length; gram++) {
    const count = (offsets[gram + 1] ?? 0) - (offsets[gram] ?? 0);
    if (count * denseShare >= documents) bitmapOf[gram] = slots++;
  }
  const bitmaps = new Uint32Array(slots * words);
  for (let gram = 0; gram < bitmapOf.length; gram++) {
    const slot = bitmapOf[gram] ?? -1;
    if (slot < 0) continue;
    const base = slot * words;
    for (let i = offsets[gram] ?? 0; i < (offsets[gram + 1] ?? 0); i++) {
      const doc = docs[i] ?? 0;
      bitmaps[base + (doc >>> 5)] = (bitmaps[base + (doc >>> 5)] ?? 0) | (1 << (doc & 31));
    }
  }
  return { bitmapOf, bitmaps, words };
}

/** The documents containing a gram (a view, not a copy); empty when no document has it. */
export function postingFor(postings: Postings, a: number, b: number): Int32Array {
  return postingOfGram(postings, postings.grams.id(a, b, false));
}

/** The documents containing a gram id (-1: none). */
export function postingOfGram(postings: Postings, gram: number): Int32Array {
  if (gram < 0) return postings.docs.subarray(0, 0);
  return postings.docs.subarray(postings.offsets[gram] ?? 0, postings.offsets[gram + 1] ?? 0);
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
    j = gallop(long, doc, j);
    if (j >= long.length) return;
    if (long[j] === doc && !visit(doc)) return;
  }
}

/** The first index at or after `from` whose value is not below `value`: doubling steps, then bisection. */
export function gallop(list: Int32Array, value: number, from: number): number {
  let low = from;
  let high = from;
  let step = 1;
  while (high < list.length && (list[high] ?? 0) < value) {
    low = high + 1;
    high = low + step;
    step *= 2;
  }
  return lowerBound(list, value, low, Math.min(high, list.length));
}

function lowerBound(list: Int32Array, value: number, from: number, to: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((list[mid] ?? 0) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
