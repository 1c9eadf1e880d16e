import { bitmapBase, docCount, docsOfGram, gallop, type Postings, sparseDocs } from "./search-postings.ts";

/**
 * Candidate documents for a query of several grams (ids; -1 for a gram no
 * document has): every document that has them all, and possibly a few that
 * lack a dense one, since the caller checks each candidate's text anyway.
 * Starts from the rarest gram; sparse lists are merged by galloping, so the
 * work follows the shrinking result rather than the lists' lengths; dense
 * grams are then applied by bit tests, the one that drops most first. When
 * even the rarest gram is dense (every pair of "steel bolt m10" is in
 * thousands of items), it and its best partner are ANDed a word at a time:
 * one sequential pass instead of thousands of scattered bit tests.
 */
export function candidatesWithGrams(postings: Postings, grams: readonly number[]): Int32Array {
  if (grams.length === 0 || grams.includes(-1)) return new Int32Array(0);
  const [rarest = -1, ...rest] = [...new Set(grams)].sort(
    (a, b) => docCount(postings, a) - docCount(postings, b),
  );
  const { bitmaps, words } = postings;
  const rarestBase = bitmapBase(postings, rarest);
  if (rarestBase >= 0) {
    // Every gram is dense: start from the rarest one's bitmap and the partner that drops most of it.
    const bases = rest.map((gram) => bitmapBase(postings, gram));
    const sample = sampleOfBitmap(bitmaps, rarestBase, words);
    const partner = mostDropping(sample, sample.length, bitmaps, bases);
    if (partner.best < 0) return docsOfGram(postings, rarest);
    const pair = docsInBoth(bitmaps, words, rarestBase, partner.best, docCount(postings, rarest));
    return filterByBitmaps(
      pair,
      bitmaps,
      partner.dropping.filter((base) => base !== partner.best),
    );
  }
  let result = sparseDocs(postings, rarest);
  const denseBases: number[] = [];
  for (const gram of rest) {
    const base = bitmapBase(postings, gram);
    if (base >= 0) denseBases.push(base);
    else if (result.length > 0) result = intersectTwo(result, sparseDocs(postings, gram));
  }
  return denseBases.length > 0 && result.length > 0 ? filterByBitmaps(result, bitmaps, denseBases) : result;
}

/** Up to `sampleSize` documents spread over a bitmap: the first set bit from each of as many evenly spaced words. */
function sampleOfBitmap(bitmaps: Uint32Array, base: number, words: number): Int32Array {
  const sample = new Int32Array(sampleSize);
  let size = 0;
  let w = 0;
  for (let k = 0; k < sampleSize; k++) {
    w = Math.max(w, Math.floor((k * words) / sampleSize));
    while (w < words && (bitmaps[base + w] ?? 0) === 0) w++;
    if (w >= words) break;
    const bits = bitmaps[base + w] ?? 0;
    sample[size++] = (w << 5) | (31 - Math.clz32(bits & -bits));
    w++;
  }
  return sample.subarray(0, size);
}

/** The documents set in both bitmaps (at most `most` of them), in order. */
function docsInBoth(bitmaps: Uint32Array, words: number, a: number, b: number, most: number): Int32Array {
  const out = new Int32Array(most);
  let size = 0;
  for (let w = 0; w < words; w++) {
    let bits = (bitmaps[a + w] ?? 0) & (bitmaps[b + w] ?? 0);
    while (bits !== 0) {
      out[size++] = (w << 5) | (31 - Math.clz32(bits & -bits));
      bits &= bits - 1;
    }
  }
  return out.subarray(0, size);
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
 * Grams of one query are correlated (in "m7x", "7x" follows "m7" nearly
 * always), so most bitmaps drop nothing once one of them has run. Before each
 * pass a sample of the survivors picks the bitmap that drops most; bitmaps
 * that drop none of the sample are left out from then on, and when none drops
 * any, filtering stops: the few documents that may remain without a gram cost
 * less to verify than another pass over all of them.
 */
function filterByBitmaps(docs: Int32Array, bitmaps: Uint32Array, bases: readonly number[]): Int32Array {
  const out = new Int32Array(docs.length);
  let from: Int32Array = docs;
  let size = docs.length;
  let left = [...bases];
  while (left.length > 0 && size > 0) {
    const { best, dropping } = mostDropping(from, size, bitmaps, left);
    if (best < 0) break;
    // Compacts in place after the first pass: `out` only ever shrinks behind the read position.
    let kept = 0;
    for (let i = 0; i < size; i++) {
      const doc = from[i] ?? 0;
      if (hasBit(bitmaps, best, doc)) out[kept++] = doc;
    }
    size = kept;
    from = out;
    left = dropping.filter((base) => base !== best);
  }
  return from.subarray(0, size);
}

/**
 * Tests a sample of the first `size` documents against each bitmap: the one that drops most (-1
 * when none drops any) and every one that drops some.
 */
function mostDropping(
  docs: Int32Array,
  size: number,
  bitmaps: Uint32Array,
  bases: readonly number[],
): { best: number; dropping: number[] } {
  const step = Math.max(1, Math.floor(size / sampleSize));
  const sampled = Math.ceil(size / step);
  let best = -1;
  let bestHits = sampled;
  const dropping: number[] = [];
  for (const base of bases) {
    let hits = 0;
    for (let i = 0; i < size; i += step) hits += hasBit(bitmaps, base, docs[i] ?? 0);
    if (hits === sampled) continue;
    dropping.push(base);
    if (hits < bestHits) {
      bestHits = hits;
      best = base;
    }
  }
  return { best, dropping };
}

function hasBit(bitmaps: Uint32Array, base: number, doc: number): number {
  return ((bitmaps[base + (doc >>> 5)] ?? 0) >>> (doc & 31)) & 1;
}

const sampleSize = 32;
