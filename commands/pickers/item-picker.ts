import type { ExternalSelect, PlainTextOption } from "@slack/types";
import { readSnapshot } from "../../db/read-snapshot.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { type ItemRow, searchItemsForPicker } from "../../src/domain/stock-query.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, limits } from "../../src/slack/blocks.ts";
import { localeOf } from "../../src/slack/middleware/attach-locale.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds } from "../names.ts";

const maxOptions = 50;

/** The item picker for any modal: Slack asks our server as the user types (a static select holds only 100). */
export function itemPickerElement(locale: Locale, actionId: string = actionIds.itemPicker): ExternalSelect {
  return {
    type: "external_select",
    action_id: actionId,
    min_query_length: 1,
    placeholder: { type: "plain_text", text: messages(locale).pickers.item },
  };
}

/** Answers the picker's searches by SKU, barcode, name or alias, within Slack's 3 s. */
export function registerItemPicker(
  router: SlackRouter,
  deps: CommandDeps,
  actionId: string = actionIds.itemPicker,
): void {
  router.suggestion(actionId, async ({ ack, body, context }) => {
    const locale = localeOf(context);
    // Up to 50 item reads: one read transaction instead of one per statement.
    const found = readSnapshot(deps.db, () => {
      try {
        requirePermission(deps.db, body.user.id, "stock.view");
      } catch {
        return [];
      }
      return searchItemsForPicker(deps.db, deps.itemIndex, body.value, maxOptions);
    });
    await ack({ options: found.map((item) => toOption(item, locale)) });
  });
}

function toOption(item: ItemRow, locale: Locale): PlainTextOption {
  const name = locale === "zh-CN" && item.nameZh ? item.nameZh : item.name;
  return {
    text: { type: "plain_text", text: clip(`${item.sku} · ${name}`, limits.optionText) },
    value: String(item.id),
  };
}
