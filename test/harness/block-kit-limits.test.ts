import { describe, expect, it } from "vitest";
import { validateBlocks, validateView } from "./block-kit-limits.ts";

const plain = (text: string) => ({ type: "plain_text", text });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const section = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "section",
  text: mrkdwn(text),
  ...extra,
});
const button = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "button",
  text: plain(text),
  ...extra,
});
const option = (text: string, value = text) => ({ text: plain(text), value });
const input = (blockId: string, element: Record<string, unknown>) => ({
  type: "input",
  block_id: blockId,
  label: plain("Label"),
  element,
});
const modal = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({
  type: "modal",
  title: plain("Title"),
  submit: plain("Save"),
  blocks,
  ...extra,
});

describe("validateBlocks", () => {
  it("accepts a typical message", () => {
    const blocks = [
      { type: "header", text: plain("Stock") },
      section("*Widgets*: 12", { accessory: button("Edit", { action_id: "edit", value: "w1" }) }),
      { type: "divider" },
      { type: "context", elements: [mrkdwn("updated today")] },
      { type: "actions", elements: [button("Approve", { action_id: "approve", style: "primary" })] },
    ];
    expect(validateBlocks(blocks, "message")).toBeUndefined();
  });

  it("limits the number of blocks per surface", () => {
    const fifty = Array.from({ length: 50 }, () => ({ type: "divider" }));
    expect(validateBlocks(fifty, "message")).toBeUndefined();
    expect(validateBlocks([...fifty, { type: "divider" }], "message")).toMatch(/^blocks: .*at most 50/);
    const hundred = Array.from({ length: 100 }, () => ({ type: "divider" }));
    expect(validateBlocks(hundred, "modal")).toBeUndefined();
    expect(validateBlocks([...hundred, { type: "divider" }], "home")).toMatch(/at most 100/);
  });

  it("names the offending path for over-long section text", () => {
    const blocks = [{ type: "divider" }, { type: "divider" }, { type: "divider" }, section("x".repeat(3001))];
    expect(validateBlocks(blocks, "message")).toBe("blocks[3].text.text: must be at most 3000 characters");
    expect(validateBlocks([section("x".repeat(3000))], "message")).toBeUndefined();
  });

  it("rejects unknown block types, non-objects and bad text types", () => {
    expect(validateBlocks([{ type: "table" }], "message")).toMatch(/^blocks\[0\]\.type: unknown block type/);
    expect(validateBlocks(["hello"], "message")).toBe("blocks[0]: must be an object");
    expect(validateBlocks([{ type: "section", text: { type: "markdown", text: "x" } }], "message")).toBe(
      "blocks[0].text.type: must be plain_text or mrkdwn",
    );
    expect(validateBlocks("[]", "message")).toBe("blocks: must be an array");
  });

  it("checks block_id length and uniqueness", () => {
    expect(validateBlocks([section("a", { block_id: "x".repeat(256) })], "message")).toBe(
      "blocks[0].block_id: must be at most 255 characters",
    );
    expect(
      validateBlocks([section("a", { block_id: "dup" }), section("b", { block_id: "dup" })], "message"),
    ).toBe('blocks[1].block_id: duplicate block_id "dup"');
  });

  it("checks header, section fields and context limits", () => {
    expect(validateBlocks([{ type: "header", text: mrkdwn("x") }], "message")).toBe(
      "blocks[0].text.type: must be plain_text",
    );
    expect(validateBlocks([{ type: "header", text: plain("x".repeat(151)) }], "message")).toMatch(
      /at most 150/,
    );
    expect(validateBlocks([{ type: "section" }], "message")).toBe(
      "blocks[0]: a section needs text or fields",
    );
    const fields = Array.from({ length: 11 }, () => mrkdwn("f"));
    expect(validateBlocks([{ type: "section", fields }], "message")).toMatch(
      /^blocks\[0\]\.fields: .*at most 10/,
    );
    expect(validateBlocks([{ type: "section", fields: [mrkdwn("x".repeat(2001))] }], "message")).toBe(
      "blocks[0].fields[0].text: must be at most 2000 characters",
    );
    const elements = Array.from({ length: 11 }, () => mrkdwn("c"));
    expect(validateBlocks([{ type: "context", elements }], "message")).toMatch(/at most 10/);
  });

  it("checks buttons", () => {
    const withButton = (extra: Record<string, unknown>, text = "OK") => [
      { type: "actions", elements: [button(text, extra)] },
    ];
    expect(validateBlocks(withButton({}, "x".repeat(75)), "message")).toBeUndefined();
    expect(validateBlocks(withButton({}, "x".repeat(76)), "message")).toBe(
      "blocks[0].elements[0].text.text: must be at most 75 characters",
    );
    expect(validateBlocks(withButton({ value: "v".repeat(2001) }), "message")).toMatch(
      /value: must be at most 2000/,
    );
    expect(validateBlocks(withButton({ url: "u".repeat(3001) }), "message")).toMatch(
      /url: must be at most 3000/,
    );
    expect(validateBlocks(withButton({ style: "secondary" }), "message")).toBe(
      "blocks[0].elements[0].style: must be primary or danger",
    );
    expect(validateBlocks(withButton({ action_id: "a".repeat(256) }), "message")).toMatch(
      /action_id: must be at most 255/,
    );
    const many = Array.from({ length: 26 }, (_, index) => button(`b${index}`));
    expect(validateBlocks([{ type: "actions", elements: many }], "message")).toMatch(/at most 25/);
  });

  it("requires action_id to be unique across the whole message", () => {
    const blocks = [
      section("a", { accessory: button("One", { action_id: "same" }) }),
      { type: "actions", elements: [button("Two", { action_id: "same" })] },
    ];
    expect(validateBlocks(blocks, "message")).toBe(
      'blocks[1].elements[0].action_id: duplicate action_id "same"',
    );
  });

  it("checks select menus and their options", () => {
    const select = (extra: Record<string, unknown>) => [
      { type: "actions", elements: [{ type: "static_select", action_id: "pick", ...extra }] },
    ];
    expect(validateBlocks(select({ options: [option("A")] }), "message")).toBeUndefined();
    expect(validateBlocks(select({ options: [] }), "message")).toMatch(/options: must contain at least 1/);
    const tooMany = Array.from({ length: 101 }, (_, index) => option(`o${index}`));
    expect(validateBlocks(select({ options: tooMany }), "message")).toMatch(/at most 100/);
    expect(validateBlocks(select({ options: [option("x".repeat(76), "v")] }), "message")).toBe(
      "blocks[0].elements[0].options[0].text.text: must be at most 75 characters",
    );
    expect(validateBlocks(select({ options: [option("t", "v".repeat(76))] }), "message")).toBe(
      "blocks[0].elements[0].options[0].value: must be at most 75 characters",
    );
    expect(
      validateBlocks(select({ options: [option("A")], placeholder: plain("p".repeat(151)) }), "message"),
    ).toMatch(/placeholder.text: must be at most 150/);
    expect(
      validateBlocks(select({ options: [option("A")], initial_option: option("B") }), "message"),
    ).toMatch(/initial_option: must exactly match/);
    const groups = [{ label: plain("G"), options: [option("A")] }];
    expect(validateBlocks(select({ option_groups: groups }), "message")).toBeUndefined();
  });

  it("checks overflow, checkboxes, radio buttons and external selects", () => {
    const actions = (element: Record<string, unknown>) => [{ type: "actions", elements: [element] }];
    const six = Array.from({ length: 6 }, (_, index) => option(`o${index}`));
    expect(
      validateBlocks(actions({ type: "overflow", options: six.slice(0, 5) }), "message"),
    ).toBeUndefined();
    expect(validateBlocks(actions({ type: "overflow", options: six }), "message")).toMatch(/at most 5/);
    const eleven = Array.from({ length: 11 }, (_, index) => option(`o${index}`));
    expect(validateBlocks(actions({ type: "checkboxes", options: eleven }), "message")).toMatch(/at most 10/);
    expect(validateBlocks(actions({ type: "radio_buttons", options: eleven }), "message")).toMatch(
      /at most 10/,
    );
    expect(validateBlocks(actions({ type: "external_select", options: [option("A")] }), "message")).toBe(
      "blocks[0].elements[0].options: not allowed on external_select",
    );
    expect(validateBlocks(actions({ type: "fancy_widget" }), "message")).toMatch(/unknown element type/);
  });

  it("checks input blocks", () => {
    const text = { type: "plain_text_input", action_id: "name" };
    expect(validateBlocks([input("b", text)], "modal")).toBeUndefined();
    expect(validateBlocks([{ type: "input", element: text }], "modal")).toBe("blocks[0].label: is required");
    expect(validateBlocks([{ type: "input", label: plain("L") }], "modal")).toBe(
      "blocks[0].element: is required",
    );
    expect(validateBlocks([{ ...input("b", text), label: plain("l".repeat(2001)) }], "modal")).toMatch(
      /at most 2000/,
    );
    expect(validateBlocks([input("b", button("No"))], "modal")).toMatch(
      /button is not allowed in an input block/,
    );
    expect(validateBlocks([{ type: "actions", elements: [text] }], "message")).toMatch(
      /only allowed in an input block/,
    );
    expect(validateBlocks([input("n", { type: "number_input", action_id: "qty" })], "modal")).toBe(
      "blocks[0].element.is_decimal_allowed: is required",
    );
    const pickers = [
      input("d", { type: "datepicker", action_id: "d" }),
      input("u", { type: "users_select", action_id: "u" }),
      input("c", { type: "conversations_select", action_id: "c" }),
      input("ch", { type: "channels_select", action_id: "ch" }),
      input("t", { type: "timepicker", action_id: "t" }),
      input("q", { type: "number_input", action_id: "q", is_decimal_allowed: false }),
    ];
    expect(validateBlocks(pickers, "modal")).toBeUndefined();
  });
});

describe("validateView", () => {
  it("accepts a modal and a home view", () => {
    expect(validateView(modal([input("b", { type: "plain_text_input", action_id: "a" })]))).toBeUndefined();
    expect(validateView({ type: "home", blocks: [section("hi")] })).toBeUndefined();
  });

  it("checks type, title, submit and close", () => {
    expect(validateView({ type: "dialog", blocks: [] })).toBe("type: must be modal or home");
    expect(validateView({ type: "modal", blocks: [] })).toBe("title: is required");
    expect(validateView(modal([], { title: plain("t".repeat(25)) }))).toBe(
      "title.text: must be at most 24 characters",
    );
    expect(validateView(modal([], { title: mrkdwn("T") }))).toBe("title.type: must be plain_text");
    expect(validateView(modal([], { submit: plain("s".repeat(25)) }))).toMatch(/^submit.text/);
    expect(validateView(modal([], { close: plain("c".repeat(25)) }))).toMatch(/^close.text/);
  });

  it("requires submit when a modal has inputs", () => {
    const view = modal([input("b", { type: "plain_text_input", action_id: "a" })]);
    delete (view as Record<string, unknown>).submit;
    expect(validateView(view)).toBe("submit: is required when the view contains input blocks");
  });

  it("checks metadata, callback_id, size and blocks", () => {
    expect(validateView(modal([], { private_metadata: "m".repeat(3001) }))).toMatch(
      /^private_metadata: .*3000/,
    );
    expect(validateView(modal([], { callback_id: "c".repeat(256) }))).toMatch(/^callback_id: .*255/);
    const big = Array.from({ length: 100 }, () => section("x".repeat(2600)));
    expect(validateView(modal(big))).toMatch(/^view: must be at most 250000 bytes/);
    expect(validateView(modal([{ type: "section" }]))).toBe("blocks[0]: a section needs text or fields");
    const hundredOne = Array.from({ length: 101 }, () => ({ type: "divider" }));
    expect(validateView(modal(hundredOne))).toMatch(/at most 100 blocks in a modal/);
  });
});
