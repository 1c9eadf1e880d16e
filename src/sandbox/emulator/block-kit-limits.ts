import { checkElement, checkImageElement } from "./block-kit-elements.ts";
import {
  BlockKitViolation,
  checkArrayLength,
  checkString,
  checkText,
  fail,
  type IdRegistry,
  requireArray,
  requireRecord,
} from "./block-kit-text.ts";

/** Where blocks are shown; each surface has its own block limit. */
export type BlockSurface = "message" | "modal" | "home";

const KNOWN_BLOCK_TYPES = new Set([
  "section",
  "header",
  "divider",
  "context",
  "actions",
  "image",
  "input",
  "rich_text",
  "file",
  "video",
]);

const MAX_BLOCKS: Record<BlockSurface, number> = { message: 50, modal: 100, home: 100 };
const MAX_VIEW_JSON_BYTES = 250_000;

function explain(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof BlockKitViolation) return error.message;
    throw error;
  }
}

/** Returns undefined when Slack would accept the blocks, else the first violation with its JSON path. */
export function validateBlocks(blocks: unknown, surface: BlockSurface): string | undefined {
  return explain(() => checkBlocks(blocks, surface));
}

/** Returns undefined when Slack would accept the view, else the first violation with its JSON path. */
export function validateView(view: unknown): string | undefined {
  return explain(() => checkView(view));
}

function checkView(value: unknown): void {
  const view = requireRecord(value, "view");
  if (view.type !== "modal" && view.type !== "home") fail("type", "must be modal or home");
  if (view.type === "modal") {
    checkText(view.title, "title", { max: 24, plainOnly: true, required: true });
    checkText(view.submit, "submit", { max: 24, plainOnly: true });
    checkText(view.close, "close", { max: 24, plainOnly: true });
  }
  checkString(view.private_metadata, "private_metadata", { max: 3000 });
  checkString(view.callback_id, "callback_id", { max: 255 });
  checkString(view.external_id, "external_id", { max: 255 });
  const size = Buffer.byteLength(JSON.stringify(view), "utf8");
  if (size > MAX_VIEW_JSON_BYTES) {
    fail("view", `must be at most ${MAX_VIEW_JSON_BYTES} bytes of JSON (got ${size})`);
  }
  const blocks = requireArray(view.blocks, "blocks");
  checkBlocks(blocks, view.type);
  const hasInput = blocks.some((block) => requireRecord(block, "blocks[]").type === "input");
  if (view.type === "modal" && hasInput && view.submit === undefined) {
    fail("submit", "is required when the view contains input blocks");
  }
}

function checkBlocks(value: unknown, surface: BlockSurface): void {
  const blocks = requireArray(value, "blocks");
  const max = MAX_BLOCKS[surface];
  if (blocks.length > max) {
    fail("blocks", `must contain at most ${max} blocks in a ${surface} (got ${blocks.length})`);
  }
  const ids: IdRegistry = { blockIds: new Set(), actionIds: new Set() };
  blocks.forEach((block, index) => {
    checkBlock(block, `blocks[${index}]`, ids);
  });
}

function checkBlock(value: unknown, path: string, ids: IdRegistry): void {
  const block = requireRecord(value, path);
  if (typeof block.type !== "string" || !KNOWN_BLOCK_TYPES.has(block.type)) {
    fail(`${path}.type`, `unknown block type ${JSON.stringify(block.type)}`);
  }
  if (block.block_id !== undefined) {
    checkString(block.block_id, `${path}.block_id`, { min: 1, max: 255 });
    const blockId = block.block_id as string;
    if (ids.blockIds.has(blockId)) fail(`${path}.block_id`, `duplicate block_id "${blockId}"`);
    ids.blockIds.add(blockId);
  }
  switch (block.type) {
    case "section":
      checkSection(block, path, ids);
      return;
    case "header":
      checkText(block.text, `${path}.text`, { max: 150, plainOnly: true, required: true });
      return;
    case "context":
      checkContext(block, path);
      return;
    case "actions": {
      const elements = requireArray(block.elements, `${path}.elements`);
      checkArrayLength(elements, `${path}.elements`, 1, 25);
      elements.forEach((element, index) => {
        checkElement(element, `${path}.elements[${index}]`, "actions", ids);
      });
      return;
    }
    case "image":
      checkImageElement(block, path);
      checkText(block.title, `${path}.title`, { max: 2000, plainOnly: true });
      return;
    case "input":
      checkText(block.label, `${path}.label`, { max: 2000, plainOnly: true, required: true });
      checkText(block.hint, `${path}.hint`, { max: 2000, plainOnly: true });
      if (block.element === undefined) fail(`${path}.element`, "is required");
      checkElement(block.element, `${path}.element`, "input", ids);
      return;
    case "rich_text":
      requireArray(block.elements, `${path}.elements`);
      return;
    case "video":
      checkText(block.title, `${path}.title`, { max: 200, plainOnly: true, required: true });
      checkString(block.alt_text, `${path}.alt_text`, { min: 1, max: 2000, required: true });
      checkString(block.video_url, `${path}.video_url`, { min: 1, max: 3000, required: true });
      checkString(block.thumbnail_url, `${path}.thumbnail_url`, { min: 1, max: 3000, required: true });
      return;
    default:
      return;
  }
}

function checkSection(block: Record<string, unknown>, path: string, ids: IdRegistry): void {
  if (block.text === undefined && block.fields === undefined) fail(path, "a section needs text or fields");
  checkText(block.text, `${path}.text`, { max: 3000 });
  if (block.fields !== undefined) {
    const fields = requireArray(block.fields, `${path}.fields`);
    checkArrayLength(fields, `${path}.fields`, 1, 10);
    fields.forEach((field, index) => {
      checkText(field, `${path}.fields[${index}]`, { max: 2000, required: true });
    });
  }
  if (block.accessory !== undefined) checkElement(block.accessory, `${path}.accessory`, "accessory", ids);
}

function checkContext(block: Record<string, unknown>, path: string): void {
  const elements = requireArray(block.elements, `${path}.elements`);
  checkArrayLength(elements, `${path}.elements`, 1, 10);
  elements.forEach((value, index) => {
    const elementPath = `${path}.elements[${index}]`;
    const element = requireRecord(value, elementPath);
    if (element.type === "image") checkImageElement(element, elementPath);
    else checkText(element, elementPath, { max: 3000, required: true });
  });
}
