// The suffix array against brute force: every place a query occurs, found by its range (and, for
// texts too long for the entry format, by the long-document list), with the right field flag.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildSuffixes,
  entryDoc,
  entryOffset,
  entryStartsField,
  longestOccurring,
  sortedChars,
  suffixRange,
} from "../../src/domain/catalogue/search-suffixes.ts";

const textArb = fc
  .array(fc.stringMatching(/^[ab 螺丝1]{1,12}$/), { minLength: 1, maxLength: 4 })
  .map((fields) => fields.join("\n"));
// Queries arrive trimmed (normaliseSearchText), so none starts with a space.
const queryArb = fc.stringMatching(/^[ab螺丝1][ab 螺丝1]{0,39}$/);

function placesByBruteForce(texts: string[], query: string): string[] {
  const places: string[] = [];
  texts.forEach((text, doc) => {
    for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1))
      places.push(`${doc}@${at}${at > 0 && text[at - 1] === "\n" ? "^" : ""}`);
  });
  return places.sort();
}

function placesBySuffixes(texts: string[], query: string, maxOffsetBits?: number): string[] {
  const suffixes = buildSuffixes(texts, maxOffsetBits);
  const [from, to] = suffixRange(suffixes, texts, query);
  const places: string[] = [];
  for (let i = from; i < to; i++) {
    const entry = suffixes.entries[i] ?? 0;
    const doc = entryDoc(suffixes, entry);
    const at = entryOffset(suffixes, entry);
    if (query.length > sortedChars && !(texts[doc] ?? "").startsWith(query, at)) continue;
    places.push(`${doc}@${at}${entryStartsField(entry) ? "^" : ""}`);
  }
  for (const doc of suffixes.longDocs) {
    const text = texts[doc] ?? "";
    for (let at = text.indexOf(query); at >= 0; at = text.indexOf(query, at + 1))
      places.push(`${doc}@${at}${at > 0 && text[at - 1] === "\n" ? "^" : ""}`);
  }
  return places.sort();
}

describe("buildSuffixes and suffixRange", () => {
  it("find every place a query occurs, and which start a field, as brute force does", () => {
    fc.assert(
      fc.property(
        fc.array(textArb, { minLength: 1, maxLength: 30 }),
        fc.array(queryArb, { maxLength: 10 }),
        (texts, queries) => {
          for (const query of [...queries, ...texts.map((t) => (t.split("\n")[0] ?? "").trimStart())]) {
            if (query === "") continue;
            expect(placesBySuffixes(texts, query), query).toEqual(placesByBruteForce(texts, query));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("leaves texts too long for the entry format to a list checked one by one, and still finds them", () => {
    const texts = ["ab\nab螺丝", "a", "螺丝ab\nb a螺丝 螺丝ab螺丝\nab"];
    const suffixes = buildSuffixes(texts, 3);
    expect([...suffixes.longDocs]).toEqual([2]);
    for (const query of ["ab", "螺丝", "b a", "丝ab螺"])
      expect(placesBySuffixes(texts, query, 3), query).toEqual(placesByBruteForce(texts, query));
  });

  it("orders by more than the sorted prefix only through the caller's check", () => {
    const long = "a".repeat(sortedChars);
    const texts = [`${long}b`, `${long}c`, `${long}b\n${long}c`];
    expect(placesBySuffixes(texts, `${long}c`)).toEqual(placesByBruteForce(texts, `${long}c`));
  });
});

describe("longestOccurring", () => {
  it("gives, for each place in a query, the longest piece from there that some text holds", () => {
    const longestByBruteForce = (texts: string[], query: string) =>
      [...query].map((char, at) => {
        if (char === " ") return 0;
        let length = 0;
        while (
          at + length < query.length &&
          length < sortedChars &&
          texts.some((text) => text.includes(query.slice(at, at + length + 1)))
        )
          length++;
        return length;
      });
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 30 }), queryArb, (texts, query) => {
        const suffixes = buildSuffixes(texts);
        expect([...longestOccurring(suffixes, texts, query)], query).toEqual(
          longestByBruteForce(texts, query),
        );
      }),
      { numRuns: 300 },
    );
  });
});
