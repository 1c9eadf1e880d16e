import type { Snapshot } from "./search-snapshot.ts";
import { entryDoc, longestOccurring, sortedChars, suffixRange } from "./search-suffixes.ts";

/** Each piece is a search: a bound on the work for a query that shares little with any item. */
const maxPieces = 24;
/** Pieces shorter than this say too little to score items by. */
const shortestScoredPiece = 2;

/**
 * What a query that matches nothing shares with the items, from the suffix
 * array: for each place in the query, the longest piece from there that some
 * item holds.
 */
export class SharedPieces {
  private readonly lengths: Int32Array;
  private readonly shortest: number;

  constructor(
    private readonly snapshot: Pick<Snapshot, "suffixes" | "texts" | "suggestScratch">,
    private readonly text: string,
  ) {
    this.lengths = longestOccurring(snapshot.suffixes, snapshot.texts, text);
    this.shortest = Math.min(sortedChars, Math.max(2, Math.ceil(text.length / 2)));
  }

  /** Pieces at least half the query long, longest first, then leftmost ("ab12cd" → ab12c, ab12, b12c…). */
  cascade(): string[] {
    const pieces = new Set<string>();
    for (let length = Math.max(0, ...this.lengths); length >= this.shortest; length--) {
      this.lengths.forEach((longest, at) => {
        if (longest >= length && pieces.size < maxPieces) pieces.add(this.text.slice(at, at + length).trim());
      });
    }
    return [...pieces];
  }

  /**
   * Documents holding the most of the query, at least half of it, in pieces
   * that do not overlap ("stainles washer" → stainles + washer), most first,
   * ties in SKU order. Only when the longest piece leaves a quarter of the
   * query or more outside it: otherwise the cascade's first search, for that
   * piece, answers nearly as well at a fraction of the cost.
   */
  mostShared(limit: number): number[] {
    const pieces = this.disjoint().sort((a, b) => b.length - a.length);
    if (pieces.length < 2 || (pieces[0]?.length ?? 0) * 4 >= this.text.length * 3) return [];
    const { suffixes, texts } = this.snapshot;
    // Reused and cleared after: two arrays of 100k zeroed for each call cost more than the rest.
    this.snapshot.suggestScratch ??= {
      scores: new Uint16Array(texts.length),
      lastPiece: new Uint8Array(texts.length),
    };
    const { scores, lastPiece } = this.snapshot.suggestScratch;
    const touched: number[] = [];
    let rest = pieces.reduce((sum, piece) => sum + piece.length, 0);
    pieces.forEach((piece, n) => {
      // A document first met here can still hold half the query only while the pieces left add up.
      const mayAdd = rest >= this.shortest;
      rest -= piece.length;
      const [from, to] = suffixRange(suffixes, texts, piece);
      if (!mayAdd && to - from > touched.length * 4) {
        // A common piece ("5x") that can only add to the documents already met: ask each of them.
        for (const doc of touched)
          if (texts[doc]?.includes(piece)) scores[doc] = (scores[doc] ?? 0) + piece.length;
        return;
      }
      for (let i = from; i < to; i++) {
        const doc = entryDoc(suffixes, suffixes.entries[i] ?? 0);
        if (lastPiece[doc] === n + 1 || (!mayAdd && scores[doc] === 0)) continue;
        lastPiece[doc] = n + 1;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] ?? 0) + piece.length;
      }
    });
    const best = topScored(touched, scores, this.shortest, limit);
    for (const doc of touched) {
      scores[doc] = 0;
      lastPiece[doc] = 0;
    }
    return best;
  }

  /** The longest pieces that do not overlap, each cut where a longer one begins. */
  private disjoint(): string[] {
    const taken = new Uint8Array(this.text.length);
    const starts = [...this.lengths.keys()].sort(
      (a, b) => (this.lengths[b] ?? 0) - (this.lengths[a] ?? 0) || a - b,
    );
    const pieces: string[] = [];
    for (const at of starts) {
      let length = 0;
      while (length < (this.lengths[at] ?? 0) && taken[at + length] === 0) length++;
      const piece = this.text.slice(at, at + length).trim();
      if (piece.length < shortestScoredPiece || pieces.length >= maxPieces) continue;
      taken.fill(1, at, at + length);
      pieces.push(piece);
    }
    return pieces;
  }
}

/**
 * The `limit` touched documents of highest score (at least `minimum`), ties in document (SKU)
 * order: a few are sorted, many are found again by a walk over the scores, which costs less.
 */
function topScored(touched: number[], scores: Uint16Array, minimum: number, limit: number): number[] {
  const qualifies = (doc: number) => (scores[doc] ?? 0) >= minimum;
  let inOrder: ArrayLike<number>;
  if (touched.length * 32 < scores.length) inOrder = Int32Array.from(touched.filter(qualifies)).sort();
  else {
    const walked: number[] = [];
    for (let doc = 0; doc < scores.length; doc++) if (qualifies(doc)) walked.push(doc);
    inOrder = walked;
  }
  const byScore = new Map<number, number[]>();
  for (let i = 0; i < inOrder.length; i++) {
    const doc = inOrder[i] ?? 0;
    const score = scores[doc] ?? 0;
    const docs = byScore.get(score);
    if (!docs) byScore.set(score, [doc]);
    else if (docs.length < limit) docs.push(doc);
  }
  return [...byScore]
    .sort(([a], [b]) => b - a)
    .flatMap(([, docs]) => docs)
    .slice(0, limit);
}
