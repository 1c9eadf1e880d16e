import type { BlockAction, ButtonAction as SlackButton } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { listWarehouses } from "../../src/domain/catalogue/places.ts";
import { JxcError } from "../../src/domain/errors.ts";
import {
  performSlottingMove,
  suggestSlotting,
  type WarehouseSlotting,
} from "../../src/domain/slotting/slotting.ts";
import type { SlotBin, SlotMove } from "../../src/domain/slotting/slotting-rule.ts";
import { requireWarehouse } from "../../src/domain/stock-query.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import {
  clip,
  context,
  type EphemeralReply,
  header,
  limits,
  section,
  toEphemeral,
} from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import type { DeferredReply, SlashRequest } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds, actionPatterns } from "../names.ts";
import { baseQuantity, localName } from "../po/render.ts";

/** How many suggestions one reply shows, each a section with its Move button. */
const shownMoves = 20;

/** What a Move button carries: the suggestion itself, checked against stock at the click. */
const moveValue = z.object({
  i: z.number().int(),
  l: z.number().int(),
  f: z.number().int(),
  t: z.number().int(),
  q: z.number().int().positive(),
  c: z.number().int(),
});

interface ItemName {
  sku: string;
  name: string;
  nameZh: string | null;
  unit: string;
}

function readNames(db: Db, itemIds: readonly number[]): Map<number, ItemName> {
  const rows = db.$client
    .prepare(
      "select id, sku, name, name_zh, base_unit from items where id in (select value from json_each(?))",
    )
    .raw()
    .all(JSON.stringify([...new Set(itemIds)])) as [number, string, string, string | null, string][];
  return new Map(rows.map(([id, sku, name, nameZh, unit]) => [id, { sku, name, nameZh, unit }]));
}

function warehouseLabel(locale: Locale, w: WarehouseSlotting["warehouse"]): string {
  const name = localName(locale, w.name, w.nameZh);
  return name && name !== w.code ? `${w.code} ${name}` : w.code;
}

function binPlace(locale: Locale, bin: SlotBin | undefined): string {
  const m = messages(locale).slotting;
  return bin?.rank != null ? m.rank({ rank: bin.rank }) : m.unranked;
}

function moveBlock(
  locale: Locale,
  slotting: WarehouseSlotting,
  names: Map<number, ItemName>,
  move: SlotMove,
  n: number,
): KnownBlock {
  const m = messages(locale).slotting;
  if (slotting.plan.kind !== "plan") throw new Error("no plan");
  const { plan, bins } = slotting;
  const item = names.get(move.itemId);
  const from = bins.get(move.fromBinId);
  const to = bins.get(move.toBinId);
  const code = (bin: SlotBin | undefined) => escapeMrkdwn(`${slotting.warehouse.code}/${bin?.code ?? "?"}`);
  const cls = plan.items.get(move.itemId);
  const head = m.move({
    n,
    qty: baseQuantity(move.qty, item?.unit ?? ""),
    sku: escapeMrkdwn(item?.sku ?? String(move.itemId)),
    name: escapeMrkdwn(item ? localName(locale, item.name, item.nameZh) : ""),
    from: code(from),
    to: code(to),
  });
  const why =
    move.reason === "closer"
      ? m.closer({
          cls: cls?.cls ?? "C",
          position: cls?.position ?? 0,
          items: plan.items.size,
          picks: cls?.picks ?? 0,
          from: binPlace(locale, from),
          to: binPlace(locale, to),
        })
      : m.makeRoom({
          cls: cls?.cls ?? "C",
          picks: cls?.picks ?? 0,
          bin: code(from),
          sku: escapeMrkdwn(names.get(move.forItemId ?? 0)?.sku ?? ""),
          from: binPlace(locale, from),
          to: binPlace(locale, to),
        });
  return {
    type: "section",
    text: { type: "mrkdwn", text: clip(`${head}\n${why}`, limits.sectionText) },
    accessory: {
      type: "button",
      action_id: `${actionIds.slottingMovePrefix}${n}`,
      text: { type: "plain_text", text: clip(m.moveButton, limits.buttonText) },
      value: JSON.stringify({
        i: move.itemId,
        l: move.lotKey,
        f: move.fromBinId,
        t: move.toBinId,
        q: move.qty,
        c: move.targetLimit,
      }),
    },
  };
}

/** The suggestions for one person: counts, ABC, the first moves with their Move buttons, and notes. */
export function renderSlotting(db: Db, locale: Locale, slotting: WarehouseSlotting): EphemeralReply {
  const m = messages(locale).slotting;
  const label = warehouseLabel(locale, slotting.warehouse);
  const title = m.title({ warehouse: label });
  const { plan } = slotting;
  if (plan.kind === "no_ranks") {
    const text = m.noRanks({ warehouse: escapeMrkdwn(label), bins: plan.bins });
    return { text, blocks: [header(title), section(text)] };
  }
  if (plan.kind === "no_history") {
    const text = m.noHistory({ warehouse: escapeMrkdwn(label), days: slotting.windowDays });
    return { text, blocks: [header(title), section(text)] };
  }
  const shown = plan.moves.slice(0, shownMoves);
  const names = readNames(
    db,
    shown.flatMap((move) => [move.itemId, ...(move.forItemId ? [move.forItemId] : [])]),
  );
  const blocks: KnownBlock[] = [
    header(title),
    context([
      m.summary({ picks: plan.totalPicks, items: plan.items.size, days: slotting.windowDays }),
      m.classes({ a: plan.counts.A, b: plan.counts.B, c: plan.counts.C }),
    ]),
  ];
  if (shown.length === 0) blocks.push(section(m.nothingToMove));
  shown.forEach((move, index) => {
    blocks.push(moveBlock(locale, slotting, names, move, index + 1));
  });
  const notes: string[] = [];
  if (plan.moves.length > shown.length || plan.truncated) {
    notes.push(
      m.more({
        count: plan.moves.length - shown.length,
        total: plan.moves.length,
        warehouse: escapeMrkdwn(slotting.warehouse.code),
        atLeast: plan.truncated,
      }),
    );
  } else if (shown.length > 0) {
    notes.push(m.total({ total: shown.length }));
  }
  if (plan.stuck > 0) notes.push(m.stuck({ count: plan.stuck }));
  if (plan.binsWithoutCapacity > 0) notes.push(m.noCapacity({ count: plan.binsWithoutCapacity }));
  if (plan.unrankedBins > 0) notes.push(m.unrankedBins({ count: plan.unrankedBins }));
  if (notes.length > 0) blocks.push(context(notes));
  const text = `${title}: ${m.summary({ picks: plan.totalPicks, items: plan.items.size, days: slotting.windowDays })}`;
  return { text, blocks };
}

/** `/jxc slotting [<warehouse>]`: bin moves that bring the fastest movers nearest the door (answered after the ack). */
export function slotting(
  deps: CommandDeps,
  request: SlashRequest,
  argument: string,
): EphemeralReply | DeferredReply {
  const m = messages(request.locale).slotting;
  const words = argument.split(/\s+/).filter(Boolean);
  if (words.length > 1) return { text: m.usage };
  const warehouses = listWarehouses(deps.db);
  const [code] = words;
  if (code === undefined && warehouses.length === 0) return { text: m.noWarehouses };
  if (code === undefined && warehouses.length > 1) {
    const list = warehouses.map((w) => `\`/jxc slotting ${escapeMrkdwn(w.code)}\``).join(" · ");
    return { text: m.whichWarehouse({ list }) };
  }
  const found = code === undefined ? warehouses[0] : requireWarehouse(deps.db, code);
  const warehouse = warehouses.find((w) => w.id === found?.id);
  if (!warehouse)
    throw new JxcError("UNKNOWN_WAREHOUSE", {
      code: code ?? "",
      known: warehouses.map((w) => w.code).join(", "),
    });
  const place = { id: warehouse.id, code: warehouse.code, name: warehouse.name, nameZh: warehouse.nameZh };
  // A big warehouse takes seconds to read: the answer follows the ack through the response URL.
  return {
    working: { text: m.working({ warehouse: escapeMrkdwn(warehouseLabel(request.locale, place)) }) },
    later: () =>
      renderSlotting(
        deps.db,
        request.locale,
        suggestSlotting(deps.db, deps.clock.now(), place, request.userId),
      ),
  };
}

function placeOf(db: Db, locationId: number): string {
  const row = db.$client
    .prepare(
      "select w.code, l.code from locations l join warehouses w on w.id = l.warehouse_id where l.id = ?",
    )
    .raw()
    .get(locationId) as [string, string] | undefined;
  return escapeMrkdwn(row ? `${row[0]}/${row[1]}` : String(locationId));
}

/** The Move buttons of a slotting reply: one transfer each, the role and the stock checked again. */
export function registerSlottingButtons(router: SlackRouter, deps: CommandDeps): void {
  router.action<BlockAction<SlackButton>>(
    actionPatterns.slottingMove,
    buttonAction(deps.logger, async (click) => {
      let value: z.infer<typeof moveValue>;
      try {
        value = moveValue.parse(JSON.parse(click.value));
      } catch {
        throw new JxcError("STALE_ACTION");
      }
      const outcome = performSlottingMove(deps.db, deps.clock, {
        itemId: value.i,
        lotKey: value.l,
        fromBinId: value.f,
        toBinId: value.t,
        qty: value.q,
        targetLimit: value.c,
        userId: click.userId,
      });
      const m = messages(click.locale).slotting;
      const item = readNames(deps.db, [value.i]).get(value.i);
      const q = (n: number) => baseQuantity(n, item?.unit ?? "");
      const sku = escapeMrkdwn(item?.sku ?? String(value.i));
      const text =
        outcome.kind === "moved"
          ? m.moved({
              qty: q(outcome.qty),
              sku,
              from: placeOf(deps.db, value.f),
              to: placeOf(deps.db, value.t),
            })
          : outcome.kind === "changed"
            ? m.changed({ place: placeOf(deps.db, value.f), now: q(outcome.now), sku, qty: q(value.q) })
            : m.noRoom({ place: placeOf(deps.db, value.t), free: q(outcome.free) });
      await click.respond({ ...toEphemeral({ text }), replace_original: false });
    }),
  );
}
