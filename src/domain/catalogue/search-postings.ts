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

/**
 * Which documents have each gram, packed in typed arrays to keep memory small:
 * a sorted list for a sparse gram, a bitmap for a dense one (in at least 1/32
 * of the documents, where the bitmap is no bigger than the list would be).
 * Never both: at 100k items the lists of dense grams would hold 21 MB more.
 */
export interface Postings {
  grams: GramTable;
  /** Gram → how many documents have it. */
  counts: Int32Array;
  /** Sparse gram → its documents at docs[offsets[gram]] … docs[offsets[gram + 1] - 1]; empty for a dense one. */
  offsets: Int32Array;
  docs: Int32Array;
  /** Gram → its slot in `bitmaps`, or -1 for a sparse gram. */
  bitmapOf: Int32Array;
  /**
   * One bitmap of `words` 32-bit words per slot, bit `doc` set when the document has the gram.
   * Signed words: V8 keeps them as small integers, where an unsigned word past 2^31 is a double.
   */
  bitmaps: Int32Array;
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
 * Builds the postings of documents numbered 0..n-1 in two passes over the
 * texts (count, then fill the packed lists and the bitmaps), so the only large
 * allocations are the result itself.
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
  const words = (texts.length + 31) >>> 5;
  const bitmapOf = new Int32Array(grams.size).fill(-1);
  const offsets = new Int32Array(grams.size + 1);
  let slots = 0;
  for (let gram = 0; gram < grams.size; gram++) {
    const count = counts[gram] ?? 0;
    const dense = count * denseShare >= texts.length;
    if (dense) bitmapOf[gram] = slots++;
    offsets[gram + 1] = (offsets[gram] ?? 0) + (dense ? 0 : count);
  }
  const cursor = offsets.slice(0, grams.size);
  const docs = new Int32Array(offsets[grams.size] ?? 0);
  const bitmaps = new Int32Array(slots * words);
  lastDoc.fill(-1);
  for (let doc = 0; doc < texts.length; doc++) {
    const count = writeGramIds(texts[doc] ?? "", grams, scratch, false);
    for (let k = 0; k < count; k++) {
      const gram = scratch[k] ?? 0;
      if (lastDoc[gram] === doc) continue;
      lastDoc[gram] = doc;
      const slot = bitmapOf[gram] ?? -1;
      if (slot >= 0) {
        const word = slot * words + (doc >>> 5);
        bitmaps[word] = (bitmaps[word] ?? 0) | (1 << (doc & 31));
        continue;
      }
      const at = cursor[gram] ?? 0;
      docs[at] = doc;
      cursor[gram] = at + 1;
    }
  }
  return { grams, counts: counts.slice(0, grams.size), offsets, docs, bitmapOf, bitmaps, words };
}

/** The id of a gram (see GramTable), -1 when no document has it. */
export function gramOf(postings: Postings, a: number, b: number): number {
  return postings.grams.id(a, b, false);
}

/** How many documents have the gram (-1: none). */
export function docCount(postings: Postings, gram: number): number {
  return gram < 0 ? 0 : (postings.counts[gram] ?? 0);
}

/** The bitmap's offset in `postings.bitmaps` when the gram is dense, else -1. */
function bitmapBase(postings: Postings, gram: number): number {
  const slot = gram < 0 ? -1 : (postings.bitmapOf[gram] ?? -1);
  return slot < 0 ? -1 : slot * postings.words;
}

/** The list of a sparse gram (a view, not a copy); empty for a dense or unknown one. */
function sparseDocs(postings: Postings, gram: number): Int32Array {
  if (gram < 0) return postings.docs.subarray(0, 0);
  return postings.docs.subarray(postings.offsets[gram] ?? 0, postings.offsets[gram + 1] ?? 0);
}

/** Calls `visit` with the gram's documents in order until it returns false. */
export function visitDocs(postings: Postings, gram: number, visit: (doc: number) => boolean): void {
  const base = bitmapBase(postings, gram);
  if (base < 0) {
    for (const doc of sparseDocs(postings, gram)) if (!visit(doc)) return;
    return;
  }
  const { bitmaps, words } = postings;
  for (let w = 0; w < words; w++) {
    let bits = bitmaps[base + w] ?? 0;
    while (bits !== 0) {
      if (!visit((w << 5) | (31 - Math.clz32(bits & -bits)))) return;
      bits &= bits - 1;
    }
  }
}

/** Membership in one gram's documents, asked in ascending order: a bit test, or a gallop on from the last answer. */
export class GramCursor {
  private readonly base: number;
  private readonly list: Int32Array;
  private position = 0;

  constructor(
    private readonly postings: Postings,
    gram: number,
  ) {
    this.base = bitmapBase(postings, gram);
    this.list = sparseDocs(postings, gram);
  }

  has(doc: number): boolean {
    if (this.base >= 0)
      return ((this.postings.bitmaps[this.base + (doc >>> 5)] ?? 0) >>> (doc & 31)) % 2 === 1;
    this.position = gallop(this.list, doc, this.position);
    return this.list[this.position] === doc;
  }
}

/**
 * Calls `visit` with each document of both grams, in order, until it returns
 * false: walks the rarer gram and asks the other, so stopping after a page of
 * results costs next to nothing even when one gram is in every document.
 */
export function visitBoth(postings: Postings, a: number, b: number, visit: (doc: number) => boolean): void {
  const [rare, common] = docCount(postings, a) <= docCount(postings, b) ? [a, b] : [b, a];
  const other = new GramCursor(postings, common);
  visitDocs(postings, rare, (doc) => !other.has(doc) || visit(doc));
}

/** The first index at or after `from` whose value is not below `value`: doubling steps, then bisection. */
function gallop(list: Int32Array, value: number, from: number): number {
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
