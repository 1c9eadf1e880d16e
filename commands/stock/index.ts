import type { BlockAction, ButtonAction } from "@slack/bolt";
import { readSnapshot } from "../../db/read-snapshot.ts";
import { readItemSummary } from "../../src/domain/catalogue/item-row.ts";
import { JxcError } from "../../src/domain/errors.ts";
import { can, requirePermission } from "../../src/domain/permissions.ts";
import type { Role } from "../../src/domain/roles.ts";
import { onOrderQty } from "../../src/domain/stock/on-order.ts";
import { findStockItems, type ItemRow, requireWarehouse } from "../../src/domain/stock-query.ts";
import {
  readAvailableAsSeen,
  readItemStockAsSeen,
  readsStockBlind,
} from "../../src/domain/stocktakes/blind-stock.ts";
import type { Locale } from "../../src/i18n/index.ts";
import { type ButtonClick, buttonAction } from "../../src/slack/block-action.ts";
import type { EphemeralReply } from "../../src/slack/blocks.ts";
import { toEphemeral } from "../../src/slack/blocks.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { slashCommand } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds, actionPatterns, slashCommands } from "../names.ts";
import { renderItemList, renderItemStock, renderNoMatch } from "./render.ts";
import { decodeItem, decodePage, type PageToken } from "./tokens.ts";

const pageSize = 10;

/** `/stock <query> [@warehouse]` with its Details, paging and Share buttons. */
export function registerStockCommand(router: SlackRouter, deps: CommandDeps): void {
  router.command(
    slashCommands.stock,
    slashCommand(deps.logger, ({ text, userId, locale }) =>
      readSnapshot(deps.db, () => {
        const held = requirePermission(deps.db, userId, "stock.view");
        const { query, warehouseCode } = splitWarehouse(text);
        const warehouseId = warehouseCode ? requireWarehouse(deps.db, warehouseCode).id : undefined;
        return answerQuery(deps, { query, warehouseId, offset: 0 }, held, locale);
      }),
    ),
  );

  const replace = (click: ButtonClick, reply: EphemeralReply) =>
    click.respond({ ...toEphemeral(reply), replace_original: true });

  router.action<BlockAction<ButtonAction>>(
    actionPatterns.stockPage,
    buttonAction(deps.logger, async (click) => {
      const reply = readSnapshot(deps.db, () => {
        const held = requirePermission(deps.db, click.userId, "stock.view");
        const token = decodePage(click.value);
        if (!token) throw new JxcError("STALE_ACTION");
        return answerQuery(deps, token, held, click.locale);
      });
      await replace(click, reply);
    }),
  );

  router.action<BlockAction<ButtonAction>>(
    actionPatterns.stockShow,
    buttonAction(deps.logger, async (click) => {
      const reply = readSnapshot(deps.db, () => {
        const held = requirePermission(deps.db, click.userId, "stock.view");
        const token = decodeItem(click.value);
        const item = token && readItemSummary(deps.db, token.itemId);
        if (!token || !item) throw new JxcError("STALE_ACTION");
        return detail(deps, item, click.locale, {
          showCost: can(held, "stock.viewCost"),
          blind: readsStockBlind(held),
          warehouseId: token.warehouseId,
        });
      });
      await replace(click, reply);
    }),
  );

  router.action<BlockAction<ButtonAction>>(
    actionIds.stockShare,
    buttonAction(deps.logger, async (click) => {
      const card = readSnapshot(deps.db, () => {
        requirePermission(deps.db, click.userId, "stock.view");
        const token = decodeItem(click.value);
        const item = token && readItemSummary(deps.db, token.itemId);
        if (!token || !item) throw new JxcError("STALE_ACTION");
        // Cost never goes to a channel: its members may not be allowed to see it; nor does the
        // quantity of a bin being counted, since they may be the ones counting it.
        return detail(deps, item, click.locale, {
          showCost: false,
          blind: true,
          warehouseId: token.warehouseId,
          sharedBy: click.userId,
        });
      });
      await click.respond({
        response_type: "in_channel",
        replace_original: false,
        text: card.text,
        blocks: card.blocks,
      });
    }),
  );
}

function answerQuery(
  deps: CommandDeps,
  token: PageToken,
  held: ReadonlySet<Role>,
  locale: Locale,
): EphemeralReply {
  const found = findStockItems(deps.db, deps.itemIndex, token.query, {
    offset: token.offset,
    limit: pageSize,
  });
  if (found.kind === "none") return renderNoMatch(token.query, found.suggestions, locale);
  if (found.kind === "item") {
    return detail(deps, found.item, locale, {
      showCost: can(held, "stock.viewCost"),
      blind: readsStockBlind(held),
      warehouseId: token.warehouseId,
    });
  }
  const ids = found.items.map((item) => item.id);
  const available = readAvailableAsSeen(deps.db, ids, found.available, readsStockBlind(held));
  return renderItemList(
    { ...found, available },
    { query: token.query, warehouseId: token.warehouseId },
    locale,
  );
}

function detail(
  deps: CommandDeps,
  item: ItemRow,
  locale: Locale,
  options: { showCost: boolean; blind: boolean; warehouseId: number | undefined; sharedBy?: string },
): EphemeralReply {
  const stock = {
    ...readItemStockAsSeen(deps.db, item.id, options.blind),
    onOrder: onOrderQty(deps.db, item.id),
  };
  return renderItemStock(item, stock, { locale, currency: deps.company.currency, ...options });
}

/** `螺丝 @WH2` → the query and the warehouse code; the `@code` may come anywhere. */
function splitWarehouse(text: string): { query: string; warehouseCode: string | undefined } {
  const words = text.split(/\s+/).filter(Boolean);
  const at = words.findIndex((w) => w.startsWith("@") && w.length > 1);
  if (at < 0) return { query: text, warehouseCode: undefined };
  const code = words[at]?.slice(1);
  return { query: words.filter((_, i) => i !== at).join(" "), warehouseCode: code };
}
