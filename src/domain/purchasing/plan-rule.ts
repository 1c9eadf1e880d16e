// The purchase plan's arithmetic for one item: pure, so every number can be checked by hand.
import { orderStep } from "./order-terms.ts";

/** What the plan knows about one item, in base units, gathered by a few set-based reads. */
export interface PlanItemFacts {
  itemId: number;
  sku: string;
  name: string;
  nameZh: string | null;
  baseUnit: string;
  /** The purchase unit and its factor (1 box = 20 pcs): suggestions are whole purchase units. */
  purchaseUnit: string | null;
  pack: number;
  /** The default supplier's minimum order quantity for the item; absent or null when it has none. */
  moq?: number | null;
  /** The default supplier's pack size: suggestions are whole packs too. Absent or null: none. */
  supplierPack?: number | null;
  supplierId: number | null;
  /** Units issued in the demand window (issues are the demand history until sales orders exist). */
  issued: number;
  onHand: number;
  reserved: number;
  /** Open on approved, sent and partly received POs. */
  onOrder: number;
  /** On draft and pending POs: not yet on order, but already asked for, so not suggested twice. */
  inDraft: number;
  reorderPoint: number | null;
  reorderQty: number | null;
  maxLevel: number | null;
  safetyStock: number | null;
  leadTimeDays: number | null;
  /** Where the lead time came from: the supplier's terms for this item, the item, the supplier, or nowhere. */
  leadTimeSource: "supplier_item" | "item" | "supplier" | "none";
}

/** The rules' knobs: the demand window and how many days an order should cover beyond lead time. */
export interface PlanWindow {
  windowDays: number;
  reviewDays: number;
}

/** How the quantity was sized. */
export type PlanBasis = "max_level" | "reorder_qty" | "cover";

/**
 * Why an item is not suggested: enough stock; at its reorder point but nothing sold in the
 * window and no reorder qty or max level to size an order by; or nothing to plan by at all
 * (no sales, no reorder point, qty or max level), which the plan leaves out.
 */
export type NoSuggestion = "enough" | "no_history" | "not_planned";

/** A suggestion with every figure that led to it (the "Why this number?" answer). */
export interface PlanSuggestion {
  kind: "suggest";
  facts: PlanItemFacts;
  windowDays: number;
  reviewDays: number;
  leadTimeDays: number;
  safetyStock: number;
  /** Demand over the lead time: ceil(issued × lead time ÷ window). */
  leadDemand: number;
  projected: number;
  trigger: number;
  triggerSource: "reorder_point" | "lead_demand" | "safety_stock";
  basis: PlanBasis;
  /** For "cover": ceil(issued × (lead time + review) ÷ window). */
  coverDemand: number;
  /** For "reorder_qty": how many reorder quantities were needed to get above the trigger. */
  reorderTimes: number;
  /** Before the MOQ and the rounding to whole packs. */
  needed: number;
  /** The supplier's minimum order (0 when none), and whether it raised the quantity. */
  moq: number;
  raisedToMoq: boolean;
  /** What the quantity is a whole number of: purchase units and supplier packs at once (1 = no rounding). */
  step: number;
  qty: number;
  /** True when there were no issues in the window. */
  noHistory: boolean;
}

export type PlanVerdict =
  | PlanSuggestion
  | { kind: "none"; facts: PlanItemFacts; why: NoSuggestion; projected: number };

/** Units per day over the window, for display; the rules themselves stay in integers. */
export function demandPerDay(issued: number, windowDays: number): number {
  return windowDays > 0 ? issued / windowDays : 0;
}

/** Rounds a quantity up to whole packs (purchase units). */
export function roundUpToPack(qty: number, pack: number): number {
  const size = pack > 0 ? pack : 1;
  return Math.ceil(qty / size) * size;
}

/**
 * Whether to buy an item and how much. projected = on hand − reserved + on order (+ drafts);
 * buy when projected ≤ the reorder point, or, without one, ≤ demand over the lead time plus
 * safety stock. Size up to the max level, else by reorder quantities, else to cover lead time
 * plus the review period at the window's rate plus safety stock; raise to the supplier's MOQ
 * and round up to whole purchase units and whole supplier packs.
 */
export function suggestPurchase(facts: PlanItemFacts, window: PlanWindow): PlanVerdict {
  const { windowDays, reviewDays } = window;
  const lead = facts.leadTimeDays ?? 0;
  const safety = facts.safetyStock ?? 0;
  const noHistory = facts.issued <= 0;
  const issued = Math.max(0, facts.issued);
  const over = (days: number) => (windowDays > 0 ? Math.ceil((issued * days) / windowDays) : 0);
  const leadDemand = over(lead);
  const coverDemand = over(lead + reviewDays);
  const projected = facts.onHand - facts.reserved + facts.onOrder + facts.inDraft;
  const sizable = facts.maxLevel !== null || facts.reorderQty !== null || !noHistory;
  let trigger: number;
  let triggerSource: PlanSuggestion["triggerSource"];
  if (facts.reorderPoint !== null) {
    trigger = facts.reorderPoint;
    triggerSource = "reorder_point";
  } else if (!noHistory) {
    trigger = leadDemand + safety;
    triggerSource = "lead_demand";
  } else if (sizable) {
    trigger = safety;
    triggerSource = "safety_stock";
  } else {
    return { kind: "none", facts, why: "not_planned", projected };
  }
  if (projected > trigger) return { kind: "none", facts, why: "enough", projected };
  if (!sizable) return { kind: "none", facts, why: "no_history", projected };
  let basis: PlanBasis;
  let needed: number;
  let reorderTimes = 0;
  if (facts.maxLevel !== null) {
    basis = "max_level";
    needed = facts.maxLevel - projected;
  } else if (facts.reorderQty !== null && facts.reorderQty > 0) {
    basis = "reorder_qty";
    reorderTimes = Math.floor((trigger - projected) / facts.reorderQty) + 1;
    needed = reorderTimes * facts.reorderQty;
  } else if (!noHistory) {
    basis = "cover";
    needed = coverDemand + safety - projected;
  } else {
    return { kind: "none", facts, why: "no_history", projected };
  }
  if (needed <= 0) return { kind: "none", facts, why: "enough", projected };
  const moq = facts.moq && facts.moq > 0 ? facts.moq : 0;
  const step = orderStep(facts.pack, facts.supplierPack);
  return {
    kind: "suggest",
    facts,
    windowDays,
    reviewDays,
    leadTimeDays: lead,
    safetyStock: safety,
    leadDemand,
    projected,
    trigger,
    triggerSource,
    basis,
    coverDemand,
    reorderTimes,
    needed,
    moq,
    raisedToMoq: needed < moq,
    step,
    qty: roundUpToPack(Math.max(needed, moq), step),
    noHistory,
  };
}
