// Suggestions scored by the pieces of a query that items hold, against brute force: the same
// greedy choice of pieces, each item's score counted with `includes`, the best first.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildSuffixes, sortedChars } from "../../src/domain/catalogue/search-suffixes.ts";
import { SharedPieces } from "../../src/domain/catalogue/search-suggest.ts";

const textArb = fc
  .array(fc.stringMatching(/^[abc 螺丝]{1,10}$/), { minLength: 1, maxLength: 3 })
  .map((fields) => fields.join("\n"));
const queryArb = fc.stringMatching(/^[abc螺丝][abc 螺丝x]{1,15}$/);

function mostSharedByBruteForce(texts: string[], query: string, limit: number): number[] {
  const occurs = (piece: string) => texts.some((text) => text.includes(piece));
  const lengths = [...query].map((char, at) => {
    let length = 0;
    while (
      char !== " " &&
      at + length < query.length &&
      length < sortedChars &&
      occurs(query.slice(at, at + length + 1))
    )
      length++;
    return length;
  });
  const taken = new Set<number>();
  const pieces: string[] = [];
  const starts = lengths.map((_, at) => at).sort((a, b) => (lengths[b] ?? 0) - (lengths[a] ?? 0) || a - b);
  for (const at of starts) {
    let length = 0;
    while (length < (lengths[at] ?? 0) && !taken.has(at + length)) length++;
    const piece = query.slice(at, at + length).trim();
    if (piece.length < 2) continue;
    for (let i = at; i < at + length; i++) taken.add(i);
    pieces.push(piece);
  }
  const longest = Math.max(0, ...pieces.map((piece) => piece.length));
  if (pieces.length < 2 || longest * 4 >= query.length * 3) return [];
  const half = Math.min(sortedChars, Math.max(2, Math.ceil(query.length / 2)));
  return texts
    .map((text, doc) => ({
      doc,
      score: pieces.reduce((sum, p) => sum + (text.includes(p) ? p.length : 0), 0),
    }))
    .filter(({ score }) => score >= half)
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, limit)
    .map(({ doc }) => doc);
}

describe("SharedPieces.mostShared", () => {
  it("ranks the texts by how much of the query they hold in pieces that do not overlap", () => {
    fc.assert(
      fc.property(
        fc.array(textArb, { minLength: 1, maxLength: 80 }),
        queryArb,
        fc.integer({ min: 1, max: 6 }),
        (texts, query, limit) => {
          const snapshot = { texts, suffixes: buildSuffixes(texts) };
          const expected = mostSharedByBruteForce(texts, query, limit);
          expect(new SharedPieces(snapshot, query).mostShared(limit), query).toEqual(expected);
          // The scratch arrays are left clean: asking again gives the same answer.
          expect(new SharedPieces(snapshot, query).mostShared(limit), query).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
