import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { companySettings } from "../../../db/schema.ts";
import { owedSql } from "../receiving/owed.ts";
import { type PlanItemFacts, type PlanSuggestion, type PlanWindow, suggestPurchase } from "./plan-rule.ts";
import { openForDelivery } from "./states.ts";

const dayMs = 86_400_000;
/** Company setting keys; absent means the defaults below. */
export const planSettingKeys = {
  windowDays: "purchase_plan_window_days",
  reviewDays: "purchase_plan_review_days",
  sameSeason: "purchase_plan_same_season",
} as const;
export const defaultPlanWindowDays = 90;
export const defaultPlanReviewDays = 7;
/** The longest demand window anyone may ask for (two years). */
export const maxPlanWindowDays = 730;

/** How a plan reads demand: the last `windowDays`, or the same days a year ago (seasonal goods). */
export interface PlanOptions extends PlanWindow {
  sameSeasonLastYear: boolean;
}

/** The demand window as instants: [from, to). */
export interface PlanPeriod {
  from: number;
  to: number;
}

/** One supplier's suggestions (or those of items with no default supplier), most urgent first. */
export interface PlanGroup {
  supplier: { id: number; code: string; name: string; nameZh: string | null } | null;
  lines: PlanSuggestion[];
}

/** A whole plan: suggestions by supplier, and the items it could not size for lack of history. */
export interface PurchasePlan {
  options: PlanOptions;
  period: PlanPeriod;
  itemsConsidered: number;
  groups: PlanGroup[];
  suggested: number;
  /** At or below their trigger, but with no issues in the window and no reorder qty or max level. */
  noHistory: { itemId: number; sku: string }[];
  /** Suggested from the reorder qty or max level alone, because nothing was issued in the window. */
  noHistorySized: number;
}

function readNumberSetting(db: Pick<Db, "select">, key: string): unknown {
  return db
    .select({ value: companySettings.value })
    .from(companySettings)
    .where(eq(companySettings.key, key))
    .get()?.value;
}

/** The company's plan settings (window 90 days, review period 7 days, last 90 days) unless changed. */
export function readPlanOptions(db: Pick<Db, "select">): PlanOptions {
  const whole = (value: unknown, fallback: number, max: number) =>
    typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
  return {
    windowDays: whole(
      readNumberSetting(db, planSettingKeys.windowDays),
      defaultPlanWindowDays,
      maxPlanWindowDays,
    ),
    reviewDays: whole(readNumberSetting(db, planSettingKeys.reviewDays), defaultPlanReviewDays, 365),
    sameSeasonLastYear: readNumberSetting(db, planSettingKeys.sameSeason) === true,
  };
}

/** The demand window ending now, or the window starting at this day a year ago. */
export function planPeriod(now: number, options: PlanOptions): PlanPeriod {
  if (options.sameSeasonLastYear) {
    const from = now - 365 * dayMs;
    return { from, to: from + options.windowDays * dayMs };
  }
  return { from: now - options.windowDays * dayMs, to: now };
}

/** Which items to read: all, one, or one supplier's. */
export type PlanScope = { itemId: number } | { supplierId: number } | Record<string, never>;

type ItemRow = [
  number,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
  number | null,
];

const openList = openForDelivery.map((s) => `'${s}'`).join(",");

/**
 * Gathers every active item's facts with four set-based reads (items with their default
 * supplier's terms, demand from the ledger, balances, PO lines) instead of per-item queries:
 * the plan runs over 100k items.
 */
export function readPlanFacts(db: Db, period: PlanPeriod, scope: PlanScope = {}): PlanItemFacts[] {
  const sqlite = db.$client;
  const itemFilter =
    "itemId" in scope
      ? "and i.id = @itemId"
      : "supplierId" in scope
        ? "and i.default_supplier_id = @supplierId"
        : "";
  const moveFilter = "itemId" in scope ? "and item_id = @itemId" : "";
  const params = { ...scope };
  const items = sqlite
    .prepare(
      `select i.id, i.purchase_unit_factor, i.default_supplier_id, i.reorder_point, i.reorder_qty,
              i.max_level, i.safety_stock, i.lead_time_days, s.lead_time_days,
              t.moq, t.pack_size, t.lead_time_days
         from items i left join suppliers s on s.id = i.default_supplier_id
         left join supplier_items t on t.supplier_id = i.default_supplier_id and t.item_id = i.id
        where i.archived = 0 ${itemFilter}`,
    )
    .raw()
    .all(params) as ItemRow[];
  const issued = new Map<number, number>();
  for (const [itemId, qty] of sqlite
    .prepare(
      `select item_id, -sum(qty) from stock_moves
        where reason = 'issue' and at >= @from and at < @to ${moveFilter} group by item_id`,
    )
    .raw()
    .all({ ...params, from: period.from, to: period.to }) as [number, number][]) {
    issued.set(itemId, qty);
  }
  // On hand company-wide is the valuation's quantity (one row per item, kept with every move);
  // reservations are few, so only the balances that hold one are read.
  const stock = new Map<number, [number, number]>();
  for (const [itemId, onHand] of sqlite
    .prepare(`select item_id, qty from item_valuations where 1 ${moveFilter}`)
    .raw()
    .all(params) as [number, number][]) {
    stock.set(itemId, [onHand, 0]);
  }
  for (const [itemId, reserved] of sqlite
    .prepare(
      `select item_id, sum(reserved) from stock_balances not indexed where reserved <> 0 ${moveFilter} group by item_id`,
    )
    .raw()
    .all(params) as [number, number][]) {
    stock.set(itemId, [stock.get(itemId)?.[0] ?? 0, reserved]);
  }
  const ordered = new Map<number, [number, number]>();
  // Open quantities as /stock counts them (owedSql, like onOrderQty); drafts and pending POs apart.
  for (const [itemId, open, draft] of sqlite
    .prepare(
      `select l.item_id,
              sum(case when p.status in (${openList}) then ${owedSql("l")} else 0 end),
              sum(case when p.status in ('draft','pending_approval') then l.qty else 0 end)
         from purchase_order_lines l join purchase_orders p on p.id = l.purchase_order_id
        where p.status in (${openList},'draft','pending_approval') ${moveFilter.replace("item_id", "l.item_id")}
        group by l.item_id`,
    )
    .raw()
    .all(params) as [number, number, number][]) {
    ordered.set(itemId, [open, draft]);
  }
  return items.map((row): PlanItemFacts => {
    const [id, factor, supplierId, rp, rq, max, safety, itemLead, supLead, moq, supplierPack, termsLead] =
      row;
    const [onHand, reserved] = stock.get(id) ?? [0, 0];
    const [onOrder, inDraft] = ordered.get(id) ?? [0, 0];
    return {
      itemId: id,
      // Names are read afterwards for the few items the plan shows (nameItems): 100k strings cost.
      sku: "",
      name: "",
      nameZh: null,
      baseUnit: "",
      purchaseUnit: null,
      pack: factor && factor > 1 ? factor : 1,
      moq,
      supplierPack,
      supplierId,
      issued: issued.get(id) ?? 0,
      onHand,
      reserved,
      onOrder,
      inDraft,
      reorderPoint: rp,
      reorderQty: rq,
      maxLevel: max,
      safetyStock: safety,
      // The supplier's lead time for this very item beats the item's, which beats the supplier's own.
      leadTimeDays: termsLead ?? itemLead ?? supLead,
      leadTimeSource:
        termsLead !== null
          ? "supplier_item"
          : itemLead !== null
            ? "item"
            : supLead !== null
              ? "supplier"
              : "none",
    };
  });
}

/** Fills in SKU, names and units of the items a plan shows, in one read. */
export function nameItems(db: Db, facts: readonly PlanItemFacts[]): void {
  if (facts.length === 0) return;
  const byId = new Map(facts.map((f) => [f.itemId, f]));
  const rows = db.$client
    .prepare(
      `select id, sku, name, name_zh, base_unit, purchase_unit from items
        where id in (select value from json_each(?))`,
    )
    .raw()
    .all(JSON.stringify([...byId.keys()])) as [
    number,
    string,
    string,
    string | null,
    string,
    string | null,
  ][];
  for (const [id, sku, name, nameZh, baseUnit, purchaseUnit] of rows) {
    const f = byId.get(id);
    if (!f) continue;
    f.sku = sku;
    f.name = name;
    f.nameZh = nameZh;
    f.baseUnit = baseUnit;
    f.purchaseUnit = f.pack > 1 ? purchaseUnit : null;
  }
}

/** Most urgent first: furthest below the trigger, then by SKU. */
function byUrgency(a: PlanSuggestion, b: PlanSuggestion): number {
  const d = a.projected - a.trigger - (b.projected - b.trigger);
  return d !== 0 ? d : a.facts.sku < b.facts.sku ? -1 : a.facts.sku > b.facts.sku ? 1 : 0;
}

/** The purchase plan as of `now`: what to buy, from whom, and why. Read-only. */
export function buildPurchasePlan(
  db: Db,
  now: number,
  options: PlanOptions,
  scope: PlanScope = {},
): PurchasePlan {
  const period = planPeriod(now, options);
  const facts = readPlanFacts(db, period, scope);
  const bySupplier = new Map<number | null, PlanSuggestion[]>();
  const noHistory: PurchasePlan["noHistory"] = [];
  const shown: PlanItemFacts[] = [];
  let suggested = 0;
  let noHistorySized = 0;
  for (const item of facts) {
    const verdict = suggestPurchase(item, options);
    if (verdict.kind === "none") {
      if (verdict.why === "no_history") shown.push(item);
      continue;
    }
    shown.push(item);
    suggested += 1;
    if (verdict.noHistory) noHistorySized += 1;
    const list = bySupplier.get(item.supplierId);
    if (list) list.push(verdict);
    else bySupplier.set(item.supplierId, [verdict]);
  }
  nameItems(db, shown);
  for (const item of shown) {
    if (suggestPurchase(item, options).kind === "none")
      noHistory.push({ itemId: item.itemId, sku: item.sku });
  }
  const supplierIds = [...bySupplier.keys()].filter((id): id is number => id !== null);
  const suppliers = new Map<number, NonNullable<PlanGroup["supplier"]>>();
  if (supplierIds.length > 0) {
    const rows = db.$client
      .prepare(
        `select id, code, name, name_zh from suppliers where id in (${supplierIds.map(() => "?").join(",")})`,
      )
      .raw()
      .all(...supplierIds) as [number, string, string, string | null][];
    for (const [id, code, name, nameZh] of rows) suppliers.set(id, { id, code, name, nameZh });
  }
  const groups: PlanGroup[] = [...bySupplier.entries()].map(([id, lines]) => ({
    supplier: id === null ? null : (suppliers.get(id) ?? null),
    lines: lines.sort(byUrgency),
  }));
  // Suppliers with most lines first; items without a supplier last.
  groups.sort((a, b) => {
    if ((a.supplier === null) !== (b.supplier === null)) return a.supplier === null ? 1 : -1;
    return b.lines.length - a.lines.length || (a.supplier?.code ?? "").localeCompare(b.supplier?.code ?? "");
  });
  noHistory.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
  return { options, period, itemsConsidered: facts.length, groups, suggested, noHistory, noHistorySized };
}
