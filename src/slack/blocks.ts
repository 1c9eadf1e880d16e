import type { KnownBlock } from "@slack/types";

/** Slack's per-field limits (DESIGN §5), in one place for every builder. */
export const limits = {
  sectionText: 3000,
  headerText: 150,
  fieldText: 2000,
  contextElements: 10,
  messageBlocks: 50,
  modalBlocks: 100,
  buttonText: 75,
  optionText: 75,
  modalTitle: 24,
} as const;

/** Cuts text to a Slack limit, marking the cut so nobody mistakes it for the whole. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

export function header(text: string): KnownBlock {
  return { type: "header", text: { type: "plain_text", text: clip(text, limits.headerText), emoji: true } };
}

export function section(mrkdwn: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: clip(mrkdwn, limits.sectionText) } };
}

/** Lines packed into as few sections as Slack's 3000 characters allow, never splitting a line. */
export function sections(lines: readonly string[], separator = "\n"): KnownBlock[] {
  const packed: string[] = [];
  for (const line of lines) {
    const last = packed.at(-1);
    if (last !== undefined && last.length + separator.length + line.length <= limits.sectionText)
      packed[packed.length - 1] = `${last}${separator}${line}`;
    else packed.push(line);
  }
  return packed.map(section);
}

export function fields(items: readonly string[]): KnownBlock {
  return {
    type: "section",
    fields: items
      .slice(0, 10)
      .map((text) => ({ type: "mrkdwn" as const, text: clip(text, limits.fieldText) })),
  };
}

export function context(items: readonly string[]): KnownBlock {
  return {
    type: "context",
    elements: items
      .slice(0, limits.contextElements)
      .map((text) => ({ type: "mrkdwn" as const, text: clip(text, limits.sectionText) })),
  };
}

export function divider(): KnownBlock {
  return { type: "divider" };
}

/** A reply to the person who typed a command: only they see it. */
export interface EphemeralReply {
  text: string;
  blocks?: KnownBlock[];
}

export function toEphemeral(reply: EphemeralReply): {
  response_type: "ephemeral";
  text: string;
  blocks?: KnownBlock[];
} {
  return {
    response_type: "ephemeral",
    text: clip(reply.text, 3000),
    ...(reply.blocks ? { blocks: reply.blocks } : {}),
  };
}
