import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { isJxcError, JxcError } from "../../src/domain/errors.ts";
import { parseQuantity } from "../../src/domain/quantity.ts";
import type { CountEntry } from "../../src/domain/stocktakes/count.ts";
import {
  type CountSheetLine,
  readCountSheet,
  type StocktakeView,
} from "../../src/domain/stocktakes/reads.ts";
import { describeError, type Locale, messages } from "../../src/i18n/index.ts";
import { clip, context, limits, section } from "../../src/slack/blocks.ts";
import type { ViewSubmit } from "../../src/slack/view-submission.ts";
import { parseJson } from "../../src/text/parse-json.ts";
import { callbackIds } from "../names.ts";
import { localName } from "../po/render.ts";
import { scopeText, unitsText } from "./format.ts";

/**
 * Lines per page of the count sheet: one input each plus two blocks stays far inside a modal's
 * 100 blocks and its 250 kB, and is what a keeper can count in one walk along a few bins.
 */
export const sheetLines = 30;
const metadata = z.object({
  id: z.number().int(),
  after: z.number().int(),
  lines: z.array(z.number().int()),
});

/** The block (and action) id of one line's input: unique per line, so Slack never carries a typed value to another line. */
export const sheetBlock = (lineId: number) => `count_line_${lineId}`;

/**
 * One page of the blind count sheet: bin, SKU, name and units of each line, the keeper's own
 * earlier count when there is one — never the system quantity, which the sheet does not read.
 */
export function countSheetView(
  header: StocktakeView,
  lines: readonly CountSheetLine[],
  locale: Locale,
  notice?: string,
): ModalView {
  const m = messages(locale).count.sheet;
  const first = lines[0];
  const last = lines.at(-1);
  const intro = m.intro({
    number: header.number,
    scope: scopeText(locale, {
      warehouse: header.warehouseCode,
      scope: header.scope,
      label: header.scopeLabel,
    }),
    from: first?.lineNo ?? 0,
    to: last?.lineNo ?? 0,
    total: header.total,
    counted: header.counted,
  });
  const blocks: KnownBlock[] = [...(notice ? [context([notice])] : []), section(intro)];
  for (const line of lines) {
    blocks.push({
      type: "input",
      block_id: sheetBlock(line.id),
      optional: true,
      label: {
        type: "plain_text",
        text: clip(`${line.bin} · ${line.sku} · ${localName(locale, line.name, line.nameZh)}`, 2000),
      },
      element: {
        type: "plain_text_input",
        action_id: sheetBlock(line.id),
        max_length: 40,
        placeholder: { type: "plain_text", text: clip(m.unitsHint({ units: unitsText(line) }), 150) },
        ...(line.countedQty === null ? {} : { initial_value: `${line.countedQty} ${line.baseUnit}` }),
      },
    });
  }
  const more = last !== undefined && last.lineNo < header.total;
  return {
    type: "modal",
    callback_id: callbackIds.stocktakeCount,
    private_metadata: JSON.stringify({
      id: header.id,
      after: (first?.lineNo ?? 1) - 1,
      lines: lines.map((l) => l.id),
    }),
    title: { type: "plain_text", text: clip(m.title({ number: header.number }), limits.modalTitle) },
    submit: { type: "plain_text", text: clip(more ? m.saveNext : m.save, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.close, limits.modalTitle) },
    blocks,
  };
}

/** The first line's block of a submitted page: where an error about the whole page is shown. */
export function firstSheetBlock(privateMetadata: string): string | undefined {
  const meta = metadata.safeParse(parseJson(privateMetadata));
  const first = meta.success ? meta.data.lines[0] : undefined;
  return first === undefined ? undefined : sheetBlock(first);
}

/** What a page that could not be saved says, beside each line it concerns. */
export class SheetErrors extends Error {
  constructor(readonly errors: Record<string, string>) {
    super("count sheet errors");
  }
}

/** A count as typed, in any unit of the item; unlike other quantities, 0 is an answer ("none here"). */
export function parseCountedQty(text: string, line: CountSheetLine): number {
  try {
    return parseQuantity(text, line).baseQty;
  } catch (error) {
    if (isJxcError(error) && error.params.problem === "zero") return 0;
    throw error;
  }
}

/**
 * Reads a submitted page: the count and, per line, the quantity or null for an empty field.
 * Every bad field is reported at once beside its line; then nothing is saved.
 */
export function readCountSheetForm(
  db: Db,
  submit: ViewSubmit,
): { stocktakeId: number; entries: CountEntry[]; lastLineNo: number } {
  const meta = metadata.safeParse(parseJson(submit.privateMetadata));
  if (!meta.success) throw new JxcError("STALE_ACTION");
  const { id, after, lines: ids } = meta.data;
  const lines = readCountSheet(db, id, after, ids.length);
  if (lines.length !== ids.length || lines.some((line, index) => line.id !== ids[index])) {
    throw new JxcError("STALE_ACTION");
  }
  const errors: Record<string, string> = {};
  const entries: CountEntry[] = [];
  for (const line of lines) {
    const text = submit.value(sheetBlock(line.id), sheetBlock(line.id)).trim();
    if (text === "") {
      entries.push({ lineId: line.id, qty: null });
      continue;
    }
    try {
      entries.push({ lineId: line.id, qty: parseCountedQty(text, line) });
    } catch (error) {
      if (!isJxcError(error)) throw error;
      errors[sheetBlock(line.id)] = describeError(submit.locale, error);
    }
  }
  if (Object.keys(errors).length > 0) throw new SheetErrors(errors);
  return {
    stocktakeId: id,
    entries,
    lastLineNo: lines.at(-1)?.lineNo ?? after,
  };
}

/** After the last page: what is counted, where the first gap is, and how to finish. */
export function countSavedView(
  header: StocktakeView,
  firstGap: { bin: string } | undefined,
  locale: Locale,
): ModalView {
  const m = messages(locale).count.sheet;
  const lines = [
    m.done({ number: header.number, counted: header.counted, total: header.total }),
    ...(firstGap
      ? [m.missing({ number: header.number, uncounted: header.total - header.counted, bin: firstGap.bin })]
      : []),
    m.finishHint({ number: header.number }),
  ];
  return {
    type: "modal",
    callback_id: `${callbackIds.stocktakeCount}_done`,
    title: { type: "plain_text", text: clip(m.doneTitle, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.close, limits.modalTitle) },
    blocks: [section(lines.join("\n\n"))],
  };
}
