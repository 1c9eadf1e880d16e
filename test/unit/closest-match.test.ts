import { describe, expect, it } from "vitest";
import { closestMatch, editDistance } from "../../src/text/closest-match.ts";

describe("closestMatch", () => {
  const subcommands = ["help", "lang", "role", "roles"];

  it("suggests the command a typo was meant to be", () => {
    expect(closestMatch("hepl", subcommands)).toBe("help");
    expect(closestMatch("lnag", subcommands)).toBe("lang");
    expect(closestMatch("HELP", subcommands)).toBe("help");
  });

  it("suggests nothing for input that resembles no command", () => {
    expect(closestMatch("purchase", subcommands)).toBeUndefined();
  });

  it("counts a swap of two letters as one edit", () => {
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });
});
