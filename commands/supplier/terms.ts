import type { BlockAction, ExternalSelectAction, ButtonAction as SlackButton } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { eq } from "drizzle-orm";
import { suppliers } from "../../db/schema.ts";
import type { Item } from "../../src/domain/catalogue/item-row.ts";
import { getItem } from "../../src/domain/catalogue/items.ts";
import { isJxcError, JxcError } from "../../src/domain/errors.ts";
import { currencyDecimals, parseMoney } from "../../src/domain/money.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { removeSupplierTerms, saveSupplierTerms } from "../../src/domain/purchasing/supplier-terms.ts";
import { readSupplierTerms } from "../../src/domain/purchasing/supplier-terms-reads.ts";
import { parseQuantity } from "../../src/domain/quantity.ts";
import { describeError, type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { clip, context, limits, toEphemeral } from "../../src/slack/blocks.ts";
import { localeOf } from "../../src/slack/middleware/attach-locale.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { replaceViaResponseUrl } from "../../src/slack/response-url.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { type ViewSubmit, viewSubmission } from "../../src/slack/view-submission.ts";
import { parseDay, todayIn } from "../../src/text/dates.ts";
import { parseJson } from "../../src/text/parse-json.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds, actionPatterns, callbackIds } from "../names.ts";
import { registerItemPicker } from "../pickers/item-picker.ts";
import type { Supplier } from "../po/suppliers.ts";
import { supplierCard } from "./card.ts";
import { fieldBlock, fields, itemBlock, removeBlock, termsMetadata, termsModal } from "./terms-modal.ts";

/** The supplier a button or form names; an archived one takes no new terms. */
function supplierById(deps: CommandDeps, id: number, options: { archived?: boolean } = {}): Supplier {
  const found = deps.db.select().from(suppliers).where(eq(suppliers.id, id)).get();
  if (!found || (found.archived && !options.archived)) {
    throw new JxcError("UNKNOWN_SUPPLIER", { query: String(id) }, "supplier");
  }
  return found;
}

/** The modal for one supplier (and item), filled with today's terms; checked for supplier.edit. */
function openTermsModal(
  deps: CommandDeps,
  userId: string,
  locale: Locale,
  target: { supplierId: number; itemId: number | null; responseUrl: string },
): ModalView {
  requirePermission(deps.db, userId, "supplier.edit");
  const supplier = supplierById(deps, target.supplierId);
  const item = target.itemId === null ? undefined : getItem(deps.db, target.itemId);
  const today = todayIn(deps.company.timeZone, deps.clock.now());
  const terms = item ? readSupplierTerms(deps.db, supplier.id, item.id, today) : undefined;
  return termsModal(locale, deps.company.currency, {
    supplier,
    item,
    terms,
    responseUrl: target.responseUrl,
  });
}

/** "Add or change an item", each line's Edit, the modal's item picker (which refills it) and its submission. */
export function registerSupplierTerms(router: SlackRouter, deps: CommandDeps): void {
  router.action<BlockAction<SlackButton>>(
    actionIds.supplierItemAdd,
    buttonAction(deps.logger, async (click) => {
      const view = openTermsModal(deps, click.userId, click.locale, {
        supplierId: Number(click.value),
        itemId: null,
        responseUrl: click.responseUrl,
      });
      await click.openModal(view);
    }),
  );
  router.action<BlockAction<SlackButton>>(
    actionPatterns.supplierItemEdit,
    buttonAction(deps.logger, async (click) => {
      const match = /^(\d{1,12}):(\d{1,12})$/.exec(click.value);
      if (!match) throw new JxcError("STALE_ACTION");
      const view = openTermsModal(deps, click.userId, click.locale, {
        supplierId: Number(match[1]),
        itemId: Number(match[2]),
        responseUrl: click.responseUrl,
      });
      await click.openModal(view);
    }),
  );

  registerItemPicker(router, deps, actionIds.supplierTermsItem);
  router.action<BlockAction<ExternalSelectAction>>(
    actionIds.supplierTermsItem,
    async ({ ack, body, action, client, context }) => {
      await ack();
      const view = body.view;
      const meta = termsMetadata.safeParse(parseJson(view?.private_metadata ?? ""));
      const itemId = Number(action.selected_option?.value);
      if (!view || !meta.success || !Number.isSafeInteger(itemId)) return;
      try {
        const refilled = openTermsModal(deps, body.user.id, localeOf(context), {
          supplierId: meta.data.s,
          itemId,
          responseUrl: meta.data.r,
        });
        await client.views.update({ view_id: view.id, hash: view.hash, view: refilled });
      } catch (error) {
        // A stale or refused pick leaves the form as it was; the submission will say why.
        deps.logger.warn({ err: error, user: body.user.id }, "supplier terms picker refill failed");
      }
    },
  );

  router.view(
    callbackIds.supplierTerms,
    viewSubmission(deps.logger, { fieldBlocks: {}, fallbackBlock: itemBlock }, async (submit) => {
      requirePermission(deps.db, submit.userId, "supplier.edit");
      const meta = termsMetadata.safeParse(parseJson(submit.privateMetadata));
      if (!meta.success) throw new JxcError("STALE_ACTION");
      const m = messages(submit.locale).supplierTerms;
      const itemId = Number(submit.value(itemBlock, actionIds.supplierTermsItem));
      const item = Number.isSafeInteger(itemId) && itemId > 0 ? getItem(deps.db, itemId) : undefined;
      if (!item) return { errors: { [itemBlock]: m.pickItem } };
      const supplier = supplierById(deps, meta.data.s);
      let notice: string;
      try {
        notice = saveFromForm(deps, submit, { supplier, item, filledFor: meta.data.i });
      } catch (error) {
        if (isJxcError(error) && error.field && (fields as readonly string[]).includes(error.field)) {
          return { errors: { [fieldBlock(error.field, meta.data.i)]: describeError(submit.locale, error) } };
        }
        throw error;
      }
      const card = supplierCard(
        deps,
        supplierById(deps, supplier.id, { archived: true }),
        submit.locale,
        submit.userId,
      );
      if (meta.data.r) {
        // The card the button was on shows the new terms too (it is the user's own ephemeral message).
        await replaceViaResponseUrl(meta.data.r, toEphemeral(card)).catch((error: unknown) =>
          deps.logger.warn({ err: error }, "could not refresh the supplier card"),
        );
      }
      const blocks = (card.blocks ?? []).filter((b) => b.type !== "actions" && !("accessory" in b));
      return {
        update: {
          type: "modal",
          callback_id: `${callbackIds.supplierTerms}_done`,
          title: { type: "plain_text", text: clip(m.modalTitle, limits.modalTitle) },
          close: { type: "plain_text", text: clip(m.done, limits.modalTitle) },
          blocks: [context([notice]), ...blocks],
        },
      };
    }),
  );
}

/** Reads the form's fields in the item's units and the currency, and saves or removes the terms. */
function saveFromForm(
  deps: CommandDeps,
  submit: ViewSubmit,
  target: { supplier: Supplier; item: Item; filledFor: number | null },
): string {
  const m = messages(submit.locale).supplierTerms;
  const { supplier, item } = target;
  const names = { sku: escapeMrkdwn(item.sku), code: escapeMrkdwn(supplier.code) };
  const value = (field: (typeof fields)[number]) =>
    submit.value(fieldBlock(field, target.filledFor), field).trim();
  const removing = submit.selected(removeBlock, "remove").includes("remove");
  if (removing) {
    const { changed } = removeSupplierTerms(deps.db, deps.clock, {
      supplierId: supplier.id,
      itemId: item.id,
      userId: submit.userId,
    });
    return changed ? m.removed(names) : m.notListed(names);
  }
  const now = deps.clock.now();
  const today = todayIn(deps.company.timeZone, now);
  const field = <T>(name: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      if (isJxcError(error)) throw new JxcError(error.code, error.params, name);
      throw error;
    }
  };
  const quantity = (name: "moq" | "packSize") => {
    const text = value(name);
    return text ? field(name, () => parseQuantity(text, item).baseQty) : null;
  };
  const priceText = value("price");
  const fromText = value("validFrom");
  let price: { unitPrice: number; validFrom: string } | undefined;
  if (priceText) {
    const unitPrice = field("price", () => parseMoney(priceText, currencyDecimals(deps.company.currency)));
    const validFrom = fromText
      ? parseDay(fromText, {
          now,
          timeZone: deps.company.timeZone,
          locale: submit.locale,
          allowPast: true,
          field: "validFrom",
        }).day
      : today;
    const current = readSupplierTerms(deps.db, supplier.id, item.id, today)?.price;
    // The same price with no new start day is no change, not a new price from today.
    price = !fromText && current?.unitPrice === unitPrice ? undefined : { unitPrice, validFrom };
  } else if (fromText) {
    throw new JxcError("INVALID_MONEY", { input: "", problem: "empty" }, "price");
  }
  const leadText = value("leadTimeDays");
  if (leadText && !/^\d{1,4}$/.test(leadText)) {
    throw new JxcError("INVALID_INPUT", { input: leadText, problem: "not_a_number" }, "leadTimeDays");
  }
  const { changed } = saveSupplierTerms(deps.db, deps.clock, {
    supplierId: supplier.id,
    itemId: item.id,
    moq: quantity("moq"),
    packSize: quantity("packSize"),
    supplierSku: value("supplierSku") || null,
    leadTimeDays: leadText ? Number(leadText) : null,
    price,
    userId: submit.userId,
  });
  return changed ? m.saved(names) : m.unchanged(names);
}
