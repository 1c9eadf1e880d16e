import { describe, expect, it } from "vitest";
import { helpEntries } from "../../commands/catalog.ts";
import { renderHelp } from "../../commands/jxc/help.ts";
import { roles } from "../../src/domain/roles.ts";
import { limits, sections } from "../../src/slack/blocks.ts";

const texts = (blocks: readonly unknown[]) =>
  blocks.map((block) => (block as { text?: { text?: string } }).text?.text ?? "");

describe("sections", () => {
  it("packs lines into as few sections as fit, never splitting a line", () => {
    const line = "x".repeat(1000);
    const packed = texts(sections([line, line, line, line]));
    expect(packed.map((text) => text.length)).toEqual([2001, 2001]);
    expect(packed.join("\n")).toBe([line, line, line, line].join("\n"));
  });
});

describe("the help card", () => {
  it("shows an admin every command in both languages within Slack's section limit", () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const shown = texts(renderHelp(locale, new Set(roles)).blocks ?? []);
      expect(shown.every((text) => text.length <= limits.sectionText)).toBe(true);
      const all = shown.join("\n");
      for (const entry of helpEntries)
        expect(all).toContain(entry.usage.replaceAll("<", "&lt;").replaceAll(">", "&gt;"));
    }
  });
});
