import { isRecord } from "../emulator/block-kit-text.ts";

/** The text of a text object ({type, text}), or "" for anything else. */
export function textOf(value: unknown): string {
  return isRecord(value) && typeof value.text === "string" ? value.text : "";
}

/** Every interactive element with the block that holds it, in the order Slack renders them. */
export function elementsWithBlocks(
  blocks: unknown[],
): { blockId: string; element: Record<string, unknown> }[] {
  const found: { blockId: string; element: Record<string, unknown> }[] = [];
  for (const block of blocks) {
    if (!isRecord(block)) continue;
    const blockId = typeof block.block_id === "string" ? block.block_id : "";
    const candidates: unknown[] = [];
    if (block.type === "actions" && Array.isArray(block.elements)) candidates.push(...block.elements);
    if (block.accessory !== undefined) candidates.push(block.accessory);
    if (block.type === "input" && block.element !== undefined) candidates.push(block.element);
    for (const element of candidates) {
      if (isRecord(element) && element.type !== "image") found.push({ blockId, element });
    }
  }
  return found;
}

/** The element a user acted on, found by the ids Slack reports. */
export function findElement(
  blocks: unknown[],
  blockId: string,
  actionId: string,
): Record<string, unknown> | undefined {
  return elementsWithBlocks(blocks).find(
    (candidate) => candidate.blockId === blockId && candidate.element.action_id === actionId,
  )?.element;
}

/** A menu's options, flattening option groups. */
export function optionsOf(element: Record<string, unknown>): Record<string, unknown>[] {
  const options: unknown[] = Array.isArray(element.options) ? [...element.options] : [];
  if (Array.isArray(element.option_groups)) {
    for (const group of element.option_groups) {
      if (isRecord(group) && Array.isArray(group.options)) options.push(...group.options);
    }
  }
  return options.filter((option): option is Record<string, unknown> => isRecord(option));
}
