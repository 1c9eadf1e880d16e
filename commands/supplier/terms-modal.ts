import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import type { Item } from "../../src/domain/catalogue/item-row.ts";
import { currencyDecimals, formatMoney, formatMoneyPlain } from "../../src/domain/money.ts";
import type { SupplierTerms } from "../../src/domain/purchasing/supplier-terms-reads.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, context, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { formatDay } from "../../src/text/dates.ts";
import { actionIds, callbackIds } from "../names.ts";
import { localName } from "../po/render.ts";
import type { Supplier } from "../po/suppliers.ts";

/** Which supplier, which item the fields were filled for, and the card to refresh afterwards. */
export const termsMetadata = z.object({ s: z.number().int(), i: z.number().int().nullable(), r: z.string() });

/** Block ids of the item picker and the remove box; fields carry the item they were filled for. */
export const itemBlock = "st_item";
export const removeBlock = "st_remove";
/** The other fields carry the item they were filled for, so picking another item refills them. */
export const fieldBlock = (field: string, itemId: number | null) => `st_${field}_${itemId ?? 0}`;
/** The form's fields, named as the domain names them (errors point back by these names). */
export const fields = ["price", "validFrom", "moq", "packSize", "supplierSku", "leadTimeDays"] as const;

/** The form for one item's terms; with an item it is filled with what the supplier has now. */
export function termsModal(
  locale: Locale,
  currency: string,
  target: {
    supplier: Supplier;
    item?: Item | undefined;
    terms?: SupplierTerms | undefined;
    responseUrl: string;
  },
): ModalView {
  const m = messages(locale).supplierTerms;
  const { supplier, item, terms } = target;
  const itemId = item?.id ?? null;
  const decimals = currencyDecimals(currency);
  const input = (
    field: (typeof fields)[number],
    label: string,
    hint: string,
    initial: string | null | undefined,
    max = 40,
  ): KnownBlock => ({
    type: "input",
    block_id: fieldBlock(field, itemId),
    optional: true,
    label: { type: "plain_text", text: clip(label, 2000) },
    element: {
      type: "plain_text_input",
      action_id: field,
      max_length: max,
      ...(hint ? { placeholder: { type: "plain_text" as const, text: clip(hint, 150) } } : {}),
      ...(initial ? { initial_value: initial } : {}),
    },
  });
  const supplierName = escapeMrkdwn(
    `${supplier.code} · ${localName(locale, supplier.name, supplier.nameZh)}`,
  );
  const blocks: KnownBlock[] = [
    section(m.modalIntro({ supplier: supplierName })),
    {
      type: "input",
      block_id: itemBlock,
      dispatch_action: true,
      label: { type: "plain_text", text: m.item },
      element: {
        type: "external_select",
        action_id: actionIds.supplierTermsItem,
        min_query_length: 1,
        placeholder: { type: "plain_text", text: messages(locale).pickers.item },
        ...(item
          ? {
              initial_option: {
                text: {
                  type: "plain_text" as const,
                  text: clip(`${item.sku} · ${localName(locale, item.name, item.nameZh)}`, limits.optionText),
                },
                value: String(item.id),
              },
            }
          : {}),
      },
    },
  ];
  if (terms?.price) {
    const since = terms.price.validFrom
      ? m.since({ day: formatDay(terms.price.validFrom, locale) })
      : m.always;
    blocks.push(
      context([m.priceNow({ price: formatMoney(terms.price.unitPrice, currency, locale), since })]),
    );
  }
  blocks.push(
    input(
      "price",
      m.price_,
      m.priceHint,
      terms?.price ? formatMoneyPlain(terms.price.unitPrice, decimals) : null,
    ),
    input("validFrom", m.validFrom, m.validFromHint, null, 80),
    input("moq", m.moqLabel, m.moqHint, terms?.moq?.toString()),
    input("packSize", m.packLabel, m.packHint, terms?.packSize?.toString()),
    input("supplierSku", m.supplierSku, "", terms?.supplierSku, 64),
    input("leadTimeDays", m.leadLabel, m.leadHint, terms?.leadTimeDays?.toString(), 4),
  );
  if (terms) {
    blocks.push({
      type: "input",
      block_id: removeBlock,
      optional: true,
      label: { type: "plain_text", text: m.removeLabel },
      element: {
        type: "checkboxes",
        action_id: "remove",
        options: [{ text: { type: "plain_text", text: clip(m.remove, limits.optionText) }, value: "remove" }],
      },
    });
  }
  return {
    type: "modal",
    callback_id: callbackIds.supplierTerms,
    private_metadata: JSON.stringify({ s: supplier.id, i: itemId, r: target.responseUrl }),
    title: { type: "plain_text", text: clip(m.modalTitle, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.save, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.cancel, limits.modalTitle) },
    blocks,
  };
}
