import type { ExternalSelect, PlainTextOption } from "@slack/types";
import { requirePermission } from "../../src/domain/permissions.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, limits } from "../../src/slack/blocks.ts";
import { localeOf } from "../../src/slack/middleware/attach-locale.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds } from "../names.ts";
import { localName } from "../po/render.ts";
import { type Supplier, searchSuppliers } from "../po/suppliers.ts";

const maxOptions = 50;

/** The supplier picker for any modal: searched on our server by code or name as the user types. */
export function supplierPickerElement(locale: Locale): ExternalSelect {
  return {
    type: "external_select",
    action_id: actionIds.supplierPicker,
    min_query_length: 1,
    placeholder: { type: "plain_text", text: messages(locale).supplier.picker },
  };
}

/** Answers the supplier picker's searches; archived suppliers are never offered. */
export function registerSupplierPicker(router: SlackRouter, deps: CommandDeps): void {
  router.suggestion(actionIds.supplierPicker, async ({ ack, body, context }) => {
    const locale = localeOf(context);
    try {
      requirePermission(deps.db, body.user.id, "supplier.view");
    } catch {
      await ack({ options: [] });
      return;
    }
    const found = searchSuppliers(deps.db, body.value, maxOptions);
    await ack({ options: found.map((supplier) => toOption(supplier, locale)) });
  });
}

function toOption(supplier: Supplier, locale: Locale): PlainTextOption {
  const name = localName(locale, supplier.name, supplier.nameZh);
  return {
    text: { type: "plain_text", text: clip(`${supplier.code} · ${name}`, limits.optionText) },
    value: String(supplier.id),
  };
}
