import { describe, expect, it } from "vitest";
import { editDistance, nearWords, phraseQuery, prefixQuery, searchPhrases, searchWords } from "@/lib/search-words";

describe("search words", () => {
  it("splits typed text into lower-cased words like the index does", () => {
    expect(searchWords("  Chin-tuck, 2x  ")).toEqual(["chin", "tuck", "2x"]);
    expect(searchWords('"; drop table')).toEqual(["drop", "table"]);
    expect(searchWords("a b c d e f g h")).toHaveLength(6);
  });

  it("builds a prefix query with every word quoted", () => {
    expect(prefixQuery(["hams", "stretch"])).toBe('"hams"* AND "stretch"*');
  });

  it("counts typos, swaps of neighbours as one", () => {
    expect(editDistance("hamstrng", "hamstring")).toBe(1);
    expect(editDistance("hmastring", "hamstring")).toBe(1);
    expect(editDistance("bridge", "fridge")).toBe(1);
    expect(editDistance("walk", "plank")).toBe(3);
    expect(editDistance("abcdef", "uvwxyz", 2)).toBe(3);
  });

  it("finds the near words a misspelling meant, and none for short words", () => {
    const vocab = ["hamstring", "hamstrings", "hip", "stretch", "strength", "bridge"];
    expect(nearWords("hamstrng", vocab)[0]).toBe("hamstring");
    expect(nearWords("strech", vocab)).toContain("stretch");
    expect(nearWords("hamstr", vocab)).toEqual(expect.arrayContaining(["hamstring"]));
    expect(nearWords("hop", vocab)).toEqual([]);
    expect(nearWords("zzzzzzzz", vocab)).toEqual([]);
  });
});

describe("phrases", () => {
  it("keeps a hyphenated chunk together as one phrase, its last word a prefix", () => {
    expect(searchPhrases("side-of-neck  hams")).toEqual([["side", "of", "neck"], ["hams"]]);
    expect(phraseQuery(searchPhrases("side-of-ne"))).toBe('"side of ne"*');
    expect(phraseQuery([['a"b']])).toBe('"a""b"*');
  });
});
