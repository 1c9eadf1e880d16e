import { gallop, type Postings, postingOfGram } from "./search-postings.ts";

/**
 * Documents that have every one of `grams` (ids; -1 for a gram no document
 * has). Starts from the rarest gram; sparse lists are merged by galloping, so
 * the work follows the shrinking result rather than the lists' lengths, and
 * dense grams are then checked with one bit test per surviving document.
 */
export function docsWithAllGrams(postings: Postings, grams: readonly number[]): Int32Array {
  if (grams.length === 0 || grams.includes(-1)) return new Int32Array(0);
  const length = (gram: number) => (postings.offsets[gram + 1] ?? 0) - (postings.offsets[gram] ?? 0);
  const [rarest = -1, ...rest] = [...new Set(grams)].sort((a, b) => length(a) - length(b));
  let result = postingOfGram(postings, rarest);
  const denseSlots: number[] = [];
  for (const gram of rest) {
    const slot = postings.bitmapOf[gram] ?? -1;
    if (slot >= 0) denseSlots.push(slot);
    else if (result.length > 0) result = intersectTwo(result, postingOfGram(postings, gram));
  }
  return denseSlots.length > 0 && result.length > 0 ? keepInBitmaps(result, postings, denseSlots) : result;
}

function intersectTwo(small: Int32Array, large: Int32Array): Int32Array {
  const out = new Int32Array(small.length);
  let size = 0;
  let j = 0;
  for (let i = 0; i < small.length; i++) {
    const doc = small[i] ?? 0;
    j = gallop(large, doc, j);
    if (j >= large.length) break;
    if (large[j] === doc) out[size++] = doc;
  }
  return out.subarray(0, size);
}

/**
 * Keeps the documents whose bit is set in every bitmap. Grams of one query
 * are correlated (in "m7x", "7x" follows "m7" nearly always), so the bitmaps
 * are tried in the order that drops most of a small sample first; the first
 * pass then does most of the filtering and the later ones run over what is left.
 */
function keepInBitmaps(docs: Int32Array, postings: Postings, slots: readonly number[]): Int32Array {
  const { bitmaps, words } = postings;
  const has = (slot: number, doc: number) => ((bitmaps[slot * words + (doc >>> 5)] ?? 0) >>> (doc & 31)) & 1;
  const step = Math.max(1, Math.floor(docs.length / sampleSize));
  const hits = new Map<number, number>();
  for (const slot of slots) {
    let count = 0;
    for (let i = 0; i < docs.length; i += step) count += has(slot, docs[i] ?? 0);
    hits.set(slot, count);
  }
  const ordered = [...slots].sort((a, b) => (hits.get(a) ?? 0) - (hits.get(b) ?? 0));
  const out = new Int32Array(docs.length);
  let size = docs.length;
  let from: Int32Array = docs;
  for (const slot of ordered) {
    // Compacts in place after the first pass: `out` only ever shrinks behind the read position.
    const base = slot * words;
    let kept = 0;
    for (let i = 0; i < size; i++) {
      const doc = from[i] ?? 0;
      if (((bitmaps[base + (doc >>> 5)] ?? 0) >>> (doc & 31)) & 1) out[kept++] = doc;
    }
    size = kept;
    from = out;
    if (size === 0) break;
  }
  return out.subarray(0, size);
}

const sampleSize = 32;
