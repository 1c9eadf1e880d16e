// The demo company's past as data: 180 days of stock issued (the sales history stand-in until
// sales orders exist) and the purchase orders of the last half year. Deterministic: the same
// days before "now" give the same history.
import { addDays, isoWeekday } from "../../text/calendar.ts";
import type { DemoItem } from "./demo-csv.ts";
import { openingKey } from "./demo-csv.ts";

/** How far back the history goes. */
export const historyDays = 180;

/** One day's stock issued for one item, from the bin it is kept in. */
export interface DemoIssue {
  daysAgo: number;
  sku: string;
  warehouse: string;
  bin: string;
  qty: number;
}

/** A past PO: when it was written, what it ordered at what price, and how it was delivered. */
export interface DemoOrder {
  supplier: string;
  createdDaysAgo: number;
  /** Expected this many days after it was written. */
  leadDays: number;
  lines: [sku: string, qty: number, price: string][];
  receipts: {
    daysAgo: number;
    time: string;
    lines: [lineNo: number, received: number, accepted: number][];
  }[];
  closedDaysAgo?: number;
}

/**
 * The POs of the last half year. HXF: on time and closed, 3 days late at a price above the list,
 * on time, and one still out 3 days after its day. JGT: in two parts, both late. ABS: 10 helmets
 * of 50 rejected as damaged and replaced a week later. YLT: on time.
 */
export const demoOrders: readonly DemoOrder[] = [
  {
    supplier: "HXF",
    createdDaysAgo: 170,
    leadDays: 7,
    lines: [
      ["SCR-M4-16", 6000, "0.04"],
      ["NUT-M6", 5000, "0.02"],
      ["WSH-M6", 8000, "0.01"],
    ],
    receipts: [
      {
        daysAgo: 163,
        time: "10:30",
        lines: [
          [1, 6000, 6000],
          [2, 5000, 5000],
          [3, 8000, 8000],
        ],
      },
    ],
    closedDaysAgo: 160,
  },
  {
    supplier: "JGT",
    createdDaysAgo: 140,
    leadDays: 10,
    lines: [
      ["TL-SD-PH2", 60, "5.50"],
      ["TL-TAPE-5M", 100, "6.20"],
    ],
    receipts: [
      {
        daysAgo: 128,
        time: "14:00",
        lines: [
          [1, 60, 60],
          [2, 60, 60],
        ],
      },
      { daysAgo: 121, time: "11:00", lines: [[2, 40, 40]] },
    ],
  },
  {
    supplier: "ABS",
    createdDaysAgo: 80,
    leadDays: 5,
    lines: [
      ["SF-GLV-COT", 1200, "1.00"],
      ["SF-HLM-Y", 50, "12.50"],
    ],
    receipts: [
      {
        daysAgo: 75,
        time: "09:30",
        lines: [
          [1, 1200, 1200],
          [2, 50, 40],
        ],
      },
      { daysAgo: 68, time: "15:00", lines: [[2, 10, 10]] },
    ],
    closedDaysAgo: 66,
  },
  {
    supplier: "HXF",
    createdDaysAgo: 60,
    leadDays: 7,
    lines: [
      ["SCR-M5-20", 3000, "0.07"],
      ["BLT-M6-30", 1000, "0.15"],
    ],
    receipts: [
      {
        daysAgo: 50,
        time: "10:00",
        lines: [
          [1, 3000, 3000],
          [2, 1000, 1000],
        ],
      },
    ],
  },
  {
    supplier: "YLT",
    createdDaysAgo: 35,
    leadDays: 4,
    lines: [
      ["EL-TAPE-PVC", 200, "1.30"],
      ["TP-DUCT", 100, "3.60"],
    ],
    receipts: [
      {
        daysAgo: 31,
        time: "14:00",
        lines: [
          [1, 200, 200],
          [2, 100, 100],
        ],
      },
    ],
    closedDaysAgo: 29,
  },
  {
    supplier: "HXF",
    createdDaysAgo: 30,
    leadDays: 7,
    lines: [
      ["NUT-M10", 2000, "0.06"],
      ["WSH-M8", 5000, "0.02"],
    ],
    receipts: [
      {
        daysAgo: 23,
        time: "09:00",
        lines: [
          [1, 2000, 2000],
          [2, 5000, 5000],
        ],
      },
    ],
  },
  { supplier: "HXF", createdDaysAgo: 12, leadDays: 9, lines: [["NUT-M8", 4000, "0.04"]], receipts: [] },
];

/** A stable number in [0, 1) for a text, so the history is the same at every load. */
function unit(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  // FNV alone leaves similar texts close together; murmur's finaliser spreads them out.
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) >>> 0;
  return ((hash ^ (hash >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * Issues for every item over the history, on about one working day in three: a daily rate of its
 * reorder point over its supplier's lead time (give or take 30%), so stock at the reorder point
 * lasts about the lead time and the plan's numbers look like a buyer's.
 */
export function demoIssues(
  items: readonly DemoItem[],
  leadTimes: ReadonlyMap<string, number>,
  today: string,
): DemoIssue[] {
  const issues: DemoIssue[] = [];
  const sundays = new Set<number>();
  for (let daysAgo = historyDays; daysAgo >= 1; daysAgo--) {
    if (isoWeekday(addDays(today, -daysAgo)) === 7) sundays.add(daysAgo);
  }
  for (const item of items) {
    const place = item.places[0];
    if (!place) continue;
    const rate = (item.reorderPoint / (leadTimes.get(item.supplier) ?? 7)) * (0.7 + 0.6 * unit(item.sku));
    let since = 0;
    for (let daysAgo = historyDays; daysAgo >= 1; daysAgo--) {
      since += 1;
      if (sundays.has(daysAgo) || unit(`${item.sku}:${daysAgo}`) > 0.35) continue;
      const qty = Math.max(1, Math.round(rate * since * (0.6 + 0.8 * unit(`${item.sku}#${daysAgo}`))));
      issues.push({ daysAgo, sku: item.sku, warehouse: place.warehouse, bin: place.bin, qty });
      since = 0;
    }
  }
  return issues;
}

/**
 * How much more opening stock each item's bin needs so that, after the history's issues and
 * receipts, it holds what the demo table says it holds now.
 */
export function historyOpeningExtra(
  items: readonly DemoItem[],
  issues: readonly DemoIssue[],
): Map<string, number> {
  const binOf = new Map(items.map((item) => [item.sku, item.places[0]]));
  const extra = new Map<string, number>();
  const add = (sku: string, qty: number) => {
    const place = binOf.get(sku);
    if (!place) throw new Error(`demo history names ${sku}, which has no bin`);
    const key = openingKey(sku, place.warehouse, place.bin);
    extra.set(key, (extra.get(key) ?? 0) + qty);
  };
  for (const issue of issues) add(issue.sku, issue.qty);
  for (const order of demoOrders) {
    for (const receipt of order.receipts) {
      for (const [lineNo, , accepted] of receipt.lines) {
        const line = order.lines[lineNo - 1];
        if (line) add(line[0], -accepted);
      }
    }
  }
  for (const [key, qty] of extra) {
    if (qty < 0) throw new Error(`demo history receives more of ${key} than it issues`);
  }
  return extra;
}
