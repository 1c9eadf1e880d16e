import type { KnownBlock, ModalView } from "@slack/types";
import type { Db } from "../../db/client.ts";
import { getItem } from "../../src/domain/catalogue/items.ts";
import { isJxcError, JxcError } from "../../src/domain/errors.ts";
import type { PurchaseOrderView } from "../../src/domain/purchasing/reads.ts";
import { parseQuantity } from "../../src/domain/quantity.ts";
import type { ReceivableLine } from "../../src/domain/receiving/open-lines.ts";
import {
  type ReceiptLineInput,
  type RejectReason,
  rejectReasons,
} from "../../src/domain/receiving/receive-goods.ts";
import { getItemStock } from "../../src/domain/stock/item-stock.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, context, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { ViewSubmit } from "../../src/slack/view-submission.ts";
import { callbackIds } from "../names.ts";
import { resolvePlace } from "../places.ts";
import { baseQuantity, localName } from "../po/render.ts";

/** Five inputs a line: 19 lines and the intro stay within a modal's 100 blocks. */
export const modalReceiptLines = 19;
const maxLineNo = 100;

const fields = ["received", "accepted", "rejected", "reason", "bin"] as const;
type Field = (typeof fields)[number];

/** Block (and action) id of one field of one PO line: gr_line3_accepted. */
export const grBlock = (lineNo: number, field: Field) => `gr_line${lineNo}_${field}`;

/** Domain error fields (line3_accepted) → the block that shows them. */
export function receiptFieldBlocks(): Record<string, string> {
  const map: Record<string, string> = {};
  for (let n = 1; n <= maxLineNo; n += 1) {
    for (const field of fields) map[`line${n}_${field}`] = grBlock(n, field);
  }
  return map;
}

/** The bin holding most of an item now, as WAREHOUSE/BIN; undefined when it has none with stock. */
export function binWithStock(db: Db, itemId: number): { locationId: number; place: string } | undefined {
  const best = getItemStock(db, itemId)
    .locations.filter((l) => l.onHand > 0)
    .sort((a, b) => b.onHand - a.onHand)[0];
  return best
    ? { locationId: best.locationId, place: `${best.warehouseCode}/${best.locationCode}` }
    : undefined;
}

function numberInput(blockId: string, label: string, initial: string, hint?: string): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: true,
    label: { type: "plain_text", text: clip(label, 2000) },
    element: {
      type: "plain_text_input",
      action_id: blockId,
      max_length: 40,
      ...(initial ? { initial_value: initial } : {}),
      ...(hint ? { placeholder: { type: "plain_text", text: clip(hint, 150) } } : {}),
    },
  };
}

/** The receiving form: for each open line (up to 19) received, accepted, rejected, reason and bin. */
export function receiptModal(
  db: Db,
  po: PurchaseOrderView,
  open: readonly ReceivableLine[],
  context_: { locale: Locale; tolerancePct: number },
): ModalView {
  const { locale } = context_;
  const m = messages(locale).receive;
  const shown = open.slice(0, modalReceiptLines);
  const blocks: KnownBlock[] = [
    section(
      m.modal.intro({
        number: po.number,
        supplier: escapeMrkdwn(localName(locale, po.supplier.name, po.supplier.nameZh)),
        tolerance: context_.tolerancePct,
      }),
    ),
  ];
  for (const line of shown) {
    const sku = clip(line.sku, 60);
    const openQty = String(line.open);
    blocks.push(
      numberInput(
        grBlock(line.lineNo, "received"),
        m.modal.received({ sku, open: baseQuantity(line.open, line.unit) }),
        openQty,
      ),
      numberInput(grBlock(line.lineNo, "accepted"), m.modal.accepted({ sku }), "", m.modal.acceptedHint),
      numberInput(grBlock(line.lineNo, "rejected"), m.modal.rejected({ sku }), ""),
      {
        type: "input",
        block_id: grBlock(line.lineNo, "reason"),
        optional: true,
        label: { type: "plain_text", text: clip(m.modal.reason({ sku }), 2000) },
        element: {
          type: "static_select",
          action_id: grBlock(line.lineNo, "reason"),
          options: rejectReasons.map((reason) => ({
            text: { type: "plain_text" as const, text: m.reasons[reason] },
            value: reason,
          })),
        },
      },
      numberInput(
        grBlock(line.lineNo, "bin"),
        m.modal.bin({ sku }),
        binWithStock(db, line.itemId)?.place ?? "",
        "MAIN/A-01",
      ),
    );
  }
  if (open.length > shown.length) {
    blocks.push(context([m.modal.more({ count: open.length - shown.length, number: po.number })]));
  }
  return {
    type: "modal",
    callback_id: callbackIds.goodsReceipt,
    private_metadata: JSON.stringify({ poId: po.id, lines: shown.map((l) => [l.lineNo, l.itemId]) }),
    title: { type: "plain_text", text: clip(m.modal.title, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.modal.submit, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.modal.close, limits.modalTitle) },
    blocks,
  };
}

/** Several fields wrong at once, each with its own message, already in the user's language. */
export class ReceiptFormErrors extends Error {
  constructor(readonly errors: Record<string, string>) {
    super("form errors");
  }
}

function isRejectReason(value: string): value is RejectReason {
  return (rejectReasons as readonly string[]).includes(value);
}

/** Runs a parse and files any domain error under `field`, so the modal shows it beside that input. */
export function withField<T>(run: () => T, field: string): T {
  try {
    return run();
  } catch (error) {
    if (isJxcError(error)) throw new JxcError(error.code, error.params, field);
    throw error;
  }
}

/** Reads the submitted form: the PO and its filled lines; errors name the offending field. */
export function readReceiptForm(db: Db, submit: ViewSubmit): { poId: number; lines: ReceiptLineInput[] } {
  const meta: unknown = JSON.parse(submit.privateMetadata || "{}");
  if (typeof meta !== "object" || meta === null || !("poId" in meta) || !("lines" in meta)) {
    throw new JxcError("STALE_ACTION");
  }
  const poId = Number(meta.poId);
  const shown = Array.isArray(meta.lines) ? (meta.lines as unknown[]) : [];
  const lines: ReceiptLineInput[] = [];
  for (const entry of shown) {
    if (!Array.isArray(entry)) continue;
    const lineNo = Number(entry[0]);
    const item = getItem(db, Number(entry[1]));
    if (!Number.isSafeInteger(lineNo) || !item) throw new JxcError("STALE_ACTION");
    const value = (field: Field) => submit.value(grBlock(lineNo, field), grBlock(lineNo, field)).trim();
    const qty = (field: Field) => {
      const text = value(field);
      return text === ""
        ? undefined
        : withField(() => parseQuantity(text, item).baseQty, `line${lineNo}_${field}`);
    };
    const received = qty("received");
    if (received === undefined) continue;
    const rejected = qty("rejected") ?? 0;
    const accepted = qty("accepted") ?? received - rejected;
    const reason = value("reason");
    const binText = value("bin");
    let locationId: number | undefined;
    if (binText && accepted > 0) {
      const place = withField(() => resolvePlace(db, binText), `line${lineNo}_bin`);
      if (!place) {
        throw new ReceiptFormErrors({
          [grBlock(lineNo, "bin")]: messages(submit.locale).receive.badBin({ input: binText }),
        });
      }
      locationId = place.locationId;
    }
    lines.push({
      lineNo,
      received,
      accepted,
      rejected,
      rejectReason: isRejectReason(reason) ? reason : undefined,
      locationId,
    });
  }
  const first = shown[0];
  if (lines.length === 0) {
    const firstLine = Array.isArray(first) ? Number(first[0]) : 1;
    throw new ReceiptFormErrors({
      [grBlock(firstLine, "received")]: messages(submit.locale).receive.modal.empty,
    });
  }
  return { poId, lines };
}
