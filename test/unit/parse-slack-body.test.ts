import { describe, expect, it } from "vitest";
import { parseSlackBody } from "../../src/http/parse-slack-body.ts";

const form = "application/x-www-form-urlencoded";

describe("parseSlackBody", () => {
  it("decodes a slash command's form, spaces and escapes included", () => {
    const body = parseSlackBody("command=%2Fstock&text=%E8%9E%BA%E4%B8%9D+M5&user_id=U1", form);
    expect({ ...body }).toEqual({ command: "/stock", text: "螺丝 M5", user_id: "U1" });
  });

  it("keeps the last value of a field sent twice", () => {
    expect({ ...parseSlackBody("text=a&text=b", form) }).toEqual({ text: "b" });
  });

  it("reads an interaction's payload as JSON", () => {
    const payload = encodeURIComponent(JSON.stringify({ type: "block_actions", actions: [] }));
    expect(parseSlackBody(`payload=${payload}`, form)).toEqual({ type: "block_actions", actions: [] });
  });

  it("reads an event body as JSON", () => {
    expect(parseSlackBody('{"type":"event_callback"}', "application/json")).toEqual({
      type: "event_callback",
    });
  });

  it("refuses what is not an object", () => {
    expect(parseSlackBody("payload=%5B1%5D", form)).toBeUndefined();
    expect(parseSlackBody("payload=%7Bnot-json", form)).toBeUndefined();
    expect(parseSlackBody("[1,2]", "application/json")).toBeUndefined();
    expect(parseSlackBody("{", "application/json")).toBeUndefined();
  });
});
