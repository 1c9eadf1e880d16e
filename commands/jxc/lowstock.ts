import { listLowStock } from "../../src/domain/low-stock/list.ts";
import { readLowStockDigest, setLowStockDigest } from "../../src/domain/low-stock/settings.ts";
import { messages } from "../../src/i18n/index.ts";
import { context, type EphemeralReply } from "../../src/slack/blocks.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";
import { renderLowStockList } from "../low-stock/render.ts";

/** Lines `/jxc lowstock` shows, as many as the morning digest. */
const listLines = 30;

/** Whether `/jxc lowstock <words>` changes the setting (admins) or only looks (warehouse, purchasing). */
export function changesLowStockSetting(argument: string): boolean {
  return argument.trim().toLowerCase().startsWith("digest");
}

/** `/jxc lowstock`: the items low now and how alerts arrive; `/jxc lowstock digest on|off` (admins). */
export function lowStock(deps: CommandDeps, request: SlashRequest, argument: string): EphemeralReply {
  const m = messages(request.locale).lowStock;
  const words = argument.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length > 0) {
    const [what, choice] = words;
    const on =
      choice === "on" || choice === "开" ? true : choice === "off" || choice === "关" ? false : undefined;
    if (what !== "digest" || on === undefined || words.length !== 2) return { text: m.usage };
    const changed = setLowStockDigest(deps.db, deps.clock, { on, actor: request.userId });
    return { text: changed ? (on ? m.digestOn : m.digestOff) : m.digestUnchanged({ on }) };
  }
  const list = listLowStock(deps.db, deps.clock.now(), listLines);
  const rendered = renderLowStockList(list, request.locale, "list");
  const mode = readLowStockDigest(deps.db) ? m.modeDigest : m.modeSingle;
  return { text: rendered.text, blocks: [...rendered.blocks, context([mode, m.usage])] };
}
