import { bitmapBase, docCount, gallop, type Postings, sparseDocs } from "./search-postings.ts";

/**
 * Candidate documents for a query of several grams (ids; -1 for a gram no
 * document has): every document that has them all, and possibly a few that
 * lack a dense one, since the caller checks each candidate's text anyway.
 * Starts from the rarest gram; sparse lists are merged by galloping, so the
 * work follows the shrinking result rather than the lists' lengths; dense
 * grams are then applied by bit tests, the one that drops most first. When
 * even the rarest gram is dense (every pair of "steel bolt m10" is in
 * thousands of items), the bitmaps of a few nearly independent grams are
 * ANDed a word at a time instead, rarest first: a pass that streams through
 * memory, where choosing a better order by sampling cost more in cache misses
 * than it saved.
 * The result may be a view of `scratch`, valid until the next call.
 */
export function candidatesWithGrams(
  postings: Postings,
  grams: readonly number[],
  text: string,
  scratch: Int32Array,
): Int32Array {
  if (grams.length === 0 || grams.includes(-1)) return new Int32Array(0);
  const [rarest = -1, ...rest] = [...new Set(grams)].sort(
    (a, b) => docCount(postings, a) - docCount(postings, b),
  );
  const { bitmaps } = postings;
  const rarestBase = bitmapBase(postings, rarest);
  if (rarestBase >= 0) {
    const order = Int32Array.from(independentGrams(postings, grams, text), (gram) =>
      bitmapBase(postings, gram),
    );
    return docsInAll(postings, order, scratch);
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

/**
 * The documents set in every bitmap of `order`, in one pass over the words; a
 * word stops being ANDed the moment it is empty, which after the first few
 * bitmaps it nearly always is.
 */
function docsInAll(postings: Postings, order: Int32Array, scratch: Int32Array): Int32Array {
  const { bitmaps, words } = postings;
  const first = order[0] ?? 0;
  const second = order[1] ?? first;
  let size = 0;
  for (let w = 0; w < words; w++) {
    let bits = (bitmaps[first + w] ?? 0) & (bitmaps[second + w] ?? 0);
    if (bits === 0) continue;
    for (let j = 2; bits !== 0 && j < order.length; j++) bits &= bitmaps[(order[j] ?? 0) + w] ?? 0;
    while (bits !== 0) {
      scratch[size++] = (w << 5) | (31 - Math.clz32(bits & -bits));
      bits &= bits - 1;
    }
  }
  return scratch.subarray(0, size);
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
function filterByBitmaps(docs: Int32Array, bitmaps: Int32Array, bases: readonly number[]): Int32Array {
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
  bitmaps: Int32Array,
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

function hasBit(bitmaps: Int32Array, base: number, doc: number): number {
  return ((bitmaps[base + (doc >>> 5)] ?? 0) >>> (doc & 31)) & 1;
}

const sampleSize = 32;

/**
 * A few grams of the query, rarest first and the most independent of each
 * other first, until the documents expected to have them all are few. Pairs of
 * one word come together ("nut": "nu" and "ut" mark the same items), so each
 * word gives its rarest pair first, then come pairs that share no character
 * with a chosen one, then the rest (a Chinese query has no spaces, and the
 * pair across two of its words, "制螺" in "钢制螺栓", is the one that
 * narrows most). Every bitmap ANDed costs ~1 µs at 100k items; every
 * candidate it leaves costs a text check of ~40 ns.
 */
function independentGrams(postings: Postings, grams: readonly number[], text: string): number[] {
  const documents = postings.words * 32;
  const pairs = grams
    .map((gram, at) => ({ gram, at, count: docCount(postings, gram), word: wordAt(text, at) }))
    .sort((a, b) => a.count - b.count || a.at - b.at);
  const firstOfWord = new Set<number>();
  const [wordFirsts, others] = [[], []] as [typeof pairs, typeof pairs];
  for (const pair of pairs) {
    if (pair.word < 0 || firstOfWord.has(pair.word)) others.push(pair);
    else {
      firstOfWord.add(pair.word);
      wordFirsts.push(pair);
    }
  }
  const used = new Set<number>();
  const chosen = new Set<number>();
  let expected = documents;
  const choose = (gram: number, count: number) => {
    chosen.add(gram);
    expected *= count / documents;
    return expected < enoughCandidates || chosen.size === maxBitmaps;
  };
  for (const { gram, at, count } of [...wordFirsts, ...others]) {
    if (used.has(at) || used.has(at + 1) || chosen.has(gram)) continue;
    used.add(at).add(at + 1);
    if (choose(gram, count)) return [...chosen];
  }
  for (const { gram, count } of pairs) if (!chosen.has(gram) && choose(gram, count)) break;
  return [...chosen];
}

/** Which word (counted from 0) the pair at `at` lies in; -1 when it spans a space. */
function wordAt(text: string, at: number): number {
  if (text.charCodeAt(at) === space || text.charCodeAt(at + 1) === space) return -1;
  let word = 0;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === space) word++;
  return word;
}

const space = 32;
const enoughCandidates = 48;
const maxBitmaps = 4;
