import { describe, expect, it } from "vitest";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";

describe("escapeMrkdwn", () => {
  it("escapes the three characters Slack parses and nothing else", () => {
    expect(escapeMrkdwn("Bolts <M8> & nuts >")).toBe("Bolts &lt;M8&gt; &amp; nuts &gt;");
    expect(escapeMrkdwn("&amp;")).toBe("&amp;amp;");
  });

  it("returns plain text as it is, in either language", () => {
    expect(escapeMrkdwn("Brass Nut M7x51 · 黄铜螺母 *bold* `code`")).toBe(
      "Brass Nut M7x51 · 黄铜螺母 *bold* `code`",
    );
  });
});
