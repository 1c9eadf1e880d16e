import type { KnownBlock, ModalView } from "@slack/types";
import type { Db } from "../../db/client.ts";
import { getItem } from "../../src/domain/catalogue/items.ts";
import { isJxcError, JxcError } from "../../src/domain/errors.ts";
import { currencyDecimals, parseMoney } from "../../src/domain/money.ts";
import type { PurchaseOrderLineInput } from "../../src/domain/purchasing/purchase-orders.ts";
import { startingUnitPrice } from "../../src/domain/purchasing/starting-price.ts";
import { parseQuantity } from "../../src/domain/quantity.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, limits, section } from "../../src/slack/blocks.ts";
import type { ViewSubmit } from "../../src/slack/view-submission.ts";
import { parseDay, todayIn } from "../../src/text/dates.ts";
import type { Company } from "../deps.ts";
import { actionIds, callbackIds } from "../names.ts";
import { itemPickerElement } from "../pickers/item-picker.ts";
import { supplierPickerElement } from "../pickers/supplier-picker.ts";

/** Rows the form offers; the quick form takes more. 8 rows × 3 inputs keep the modal readable. */
export const modalLineRows = 8;

/** Item pickers are one per row (action ids must be unique in a view): item_picker_1, … */
export const itemPickerOfRow = (n: number) => `${actionIds.itemPicker}_${n}`;
export const poBlocks = {
  supplier: "po_supplier",
  expected: "po_expected",
  delivery: "po_delivery",
  quality: "po_quality",
  payment: "po_payment",
  notes: "po_notes",
  item: (n: number) => `po_line${n}_item`,
  qty: (n: number) => `po_line${n}_qty`,
  price: (n: number) => `po_line${n}_price`,
} as const;

/** Which block shows a domain error's field (line fields are remapped to their modal row first). */
export function poFieldBlocks(): Record<string, string> {
  const map: Record<string, string> = {
    supplier: poBlocks.supplier,
    expected: poBlocks.expected,
    delivery: poBlocks.delivery,
    quality: poBlocks.quality,
    payment: poBlocks.payment,
    notes: poBlocks.notes,
    lines: poBlocks.item(1),
  };
  for (let n = 1; n <= modalLineRows; n += 1) {
    map[`line${n}_item`] = poBlocks.item(n);
    map[`line${n}_qty`] = poBlocks.qty(n);
    map[`line${n}_price`] = poBlocks.price(n);
  }
  return map;
}

function textInput(
  blockId: string,
  label: string,
  options: { optional?: boolean; hint?: string; multiline?: boolean; max?: number } = {},
): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    optional: options.optional ?? true,
    label: { type: "plain_text", text: clip(label, 2000) },
    element: {
      type: "plain_text_input",
      action_id: blockId,
      multiline: options.multiline ?? false,
      max_length: options.max ?? 500,
      ...(options.hint ? { placeholder: { type: "plain_text", text: clip(options.hint, 150) } } : {}),
    },
  };
}

/** The new-PO form: supplier, up to eight lines, the delivery date and the contract terms. */
export function purchaseOrderModal(locale: Locale): ModalView {
  const m = messages(locale).po.modal;
  const blocks: KnownBlock[] = [
    section(m.intro),
    {
      type: "input",
      block_id: poBlocks.supplier,
      label: { type: "plain_text", text: m.supplier },
      element: supplierPickerElement(locale),
    },
  ];
  for (let n = 1; n <= modalLineRows; n += 1) {
    blocks.push(
      {
        type: "input",
        block_id: poBlocks.item(n),
        optional: true,
        label: { type: "plain_text", text: m.item({ n }) },
        element: itemPickerElement(locale, itemPickerOfRow(n)),
      },
      textInput(poBlocks.qty(n), m.qty({ n }), { max: 40 }),
      textInput(poBlocks.price(n), m.price({ n }), { hint: m.priceHint, max: 40 }),
    );
  }
  blocks.push(
    textInput(poBlocks.expected, m.expected, { optional: false, hint: m.expectedHint, max: 80 }),
    textInput(poBlocks.delivery, m.deliveryTerms, { hint: m.deliveryHint }),
    textInput(poBlocks.quality, m.qualityStandard, { hint: m.qualityHint }),
    textInput(poBlocks.payment, m.paymentTerms, { hint: m.paymentHint, max: 5 }),
    textInput(poBlocks.notes, m.notes, { multiline: true }),
  );
  return {
    type: "modal",
    callback_id: callbackIds.purchaseOrder,
    title: { type: "plain_text", text: clip(m.title, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.submit, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.close, limits.modalTitle) },
    blocks,
  };
}

/** The form as domain input; the row number of each filled line, to point errors at its row. */
export interface ReadPurchaseOrderForm {
  supplierId: number;
  lines: PurchaseOrderLineInput[];
  rows: number[];
  expectedDay: string;
  deliveryTerms: string;
  qualityStandard: string;
  paymentTermsDays: number | undefined;
  notes: string;
}

/** Reads and checks the submitted form; errors name the block of the offending field. */
export function readPurchaseOrderForm(
  db: Db,
  submit: ViewSubmit,
  context: { company: Company; now: number },
): ReadPurchaseOrderForm {
  const m = messages(submit.locale).po.modal;
  const value = (block: string, action = block) => submit.value(block, action).trim();
  const supplierId = Number(value(poBlocks.supplier, actionIds.supplierPicker));
  if (!Number.isSafeInteger(supplierId) || supplierId <= 0) {
    throw new JxcError("UNKNOWN_SUPPLIER", { query: "" }, "supplier");
  }
  const decimals = currencyDecimals(context.company.currency);
  const today = todayIn(context.company.timeZone, context.now);
  const lines: PurchaseOrderLineInput[] = [];
  const rows: number[] = [];
  const errors: Record<string, string> = {};
  for (let n = 1; n <= modalLineRows; n += 1) {
    const itemValue = value(poBlocks.item(n), itemPickerOfRow(n));
    const qtyText = value(poBlocks.qty(n));
    const priceText = value(poBlocks.price(n));
    if (!itemValue && !qtyText && !priceText) continue;
    if (!itemValue || !qtyText) {
      errors[itemValue ? poBlocks.qty(n) : poBlocks.item(n)] = m.lineIncomplete;
      continue;
    }
    const item = getItem(db, Number(itemValue));
    if (!item) throw new JxcError("UNKNOWN_ITEM", { query: itemValue }, `line${n}_item`);
    const qty = withField(() => parseQuantity(qtyText, item).baseQty, `line${n}_qty`);
    let unitPrice: number;
    if (priceText) {
      unitPrice = withField(() => parseMoney(priceText, decimals), `line${n}_price`);
    } else {
      const start = startingUnitPrice(db, supplierId, item.id, today);
      if (!start) {
        errors[poBlocks.price(n)] = m.noPrice;
        continue;
      }
      unitPrice = start.unitPrice;
    }
    lines.push({ itemId: item.id, qty, unitPrice });
    rows.push(n);
  }
  if (Object.keys(errors).length > 0) throw new FormErrors(errors);
  if (lines.length === 0) throw new FormErrors({ [poBlocks.item(1)]: m.empty });
  const { day } = parseDay(value(poBlocks.expected), {
    now: context.now,
    timeZone: context.company.timeZone,
    locale: submit.locale,
    field: "expected",
  });
  const paymentText = value(poBlocks.payment);
  let paymentTermsDays: number | undefined;
  if (paymentText) {
    if (!/^\d{1,4}$/.test(paymentText)) {
      throw new JxcError("INVALID_INPUT", { input: paymentText, problem: "not_a_number" }, "payment");
    }
    paymentTermsDays = Number(paymentText);
  }
  return {
    supplierId,
    lines,
    rows,
    expectedDay: day,
    deliveryTerms: value(poBlocks.delivery),
    qualityStandard: value(poBlocks.quality),
    paymentTermsDays,
    notes: value(poBlocks.notes),
  };
}

/** Several fields wrong at once, each with its own message, already in the user's language. */
export class FormErrors extends Error {
  constructor(readonly errors: Record<string, string>) {
    super("form errors");
  }
}

function withField<T>(run: () => T, field: string): T {
  try {
    return run();
  } catch (error) {
    if (isJxcError(error)) throw new JxcError(error.code, error.params, field);
    throw error;
  }
}

/** A domain error about filled line k, moved to the modal row it came from. */
export function toModalRow(error: unknown, rows: readonly number[]): unknown {
  if (!isJxcError(error) || !error.field) return error;
  const match = /^line(\d+)_(item|qty|price)$/.exec(error.field);
  if (!match) return error;
  const row = rows[Number(match[1]) - 1];
  return row === undefined ? error : new JxcError(error.code, error.params, `line${row}_${match[2]}`);
}
