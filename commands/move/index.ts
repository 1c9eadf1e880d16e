import { requirePermission } from "../../src/domain/permissions.ts";
import { parseQuantity } from "../../src/domain/quantity.ts";
import { transferStock } from "../../src/domain/stock/index.ts";
import { withoutCountedQuantity } from "../../src/domain/stocktakes/blind-stock.ts";
import { messages } from "../../src/i18n/index.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { slashCommand } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";
import { readItemAmount } from "../item-quantity.ts";
import { slashCommands } from "../names.ts";
import { resolvePlace } from "../places.ts";

// "to" between the places is optional, in either language.
const joiningWords = new Set(["to", "->", "→", "到", "至"]);

/** `/move <sku> <qty>[ unit] <warehouse>/<bin> [to] <bin | warehouse/bin>`: a transfer, value unchanged. */
export function registerMoveCommand(router: SlackRouter, deps: CommandDeps): void {
  router.command(
    slashCommands.move,
    slashCommand(deps.logger, ({ text, userId, locale }) => {
      const held = requirePermission(deps.db, userId, "stock.move");
      const m = messages(locale).move;
      const read = readItemAmount(deps.db, text.split(/\s+/).filter(Boolean));
      const places = read?.rest.filter((word) => !joiningWords.has(word.toLowerCase())) ?? [];
      const [fromText, toText] = places;
      if (!read || !fromText || !toText || places.length > 2) return { text: m.usage };
      const from = resolvePlace(deps.db, fromText);
      if (!from) return { text: `${m.badFrom({ input: fromText })}\n${m.usage}` };
      const to = resolvePlace(deps.db, toText, from.warehouseCode);
      if (!to) return { text: m.usage };
      const { baseQty, unit } = parseQuantity(read.amount, read.item);
      try {
        transferStock(deps.db, deps.clock, {
          itemId: read.item.id,
          fromLocationId: from.locationId,
          toLocationId: to.locationId,
          qty: baseQty,
          userId,
        });
      } catch (error) {
        throw withoutCountedQuantity(deps.db, held, error, {
          itemId: read.item.id,
          locationId: from.locationId,
          place: from.place,
          unit: read.item.baseUnit,
        });
      }
      const qty = read.amount.includes(" ") ? read.amount : `${baseQty} ${unit}`;
      return { text: m.moved({ qty, sku: escapeMrkdwn(read.item.sku), from: from.place, to: to.place }) };
    }),
  );
}
