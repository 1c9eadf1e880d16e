// Slotting's arithmetic for one warehouse: pure, so every suggestion can be checked by hand.

/** ABC by picks: A items make the first 80% of picks, B the next 15%, C the rest (and no picks). */
export type SlotClass = "A" | "B" | "C";
const classes: readonly SlotClass[] = ["A", "B", "C"];
const shareLimits = [80, 95];

/** A bin as slotting sees it: its distance from the door (1 = nearest) and what it holds at most. */
export interface SlotBin {
  id: number;
  code: string;
  rank: number | null;
  /** Base units; null = unknown, taken as full as it is (only what moves out makes room). */
  capacity: number | null;
}

/** Stock of one item (lot) in one bin. */
export interface SlotHolding {
  itemId: number;
  binId: number;
  lotKey: number;
  onHand: number;
  reserved: number;
}

/** An item's place in the warehouse's picking: its class, its picks, its position (1 = most picked). */
export interface ItemClass {
  cls: SlotClass;
  picks: number;
  position: number;
}

/** One suggested transfer, with what it is checked against at the click. */
export interface SlotMove {
  itemId: number;
  lotKey: number;
  fromBinId: number;
  toBinId: number;
  qty: number;
  /** "closer": a faster mover comes nearer the door; "make_room": a slower one leaves to let it in. */
  reason: "closer" | "make_room";
  /** For make_room: the item the room is for (its move follows). */
  forItemId?: number;
  /** The most the target bin may hold after the move: its capacity, or what it held (no capacity). */
  targetLimit: number;
}

/** Why there is nothing to plan by, or the plan. */
export type SlottingPlan =
  | { kind: "no_ranks"; bins: number }
  | { kind: "no_history" }
  | {
      kind: "plan";
      items: Map<number, ItemClass>;
      zones: Map<number, SlotClass>;
      moves: SlotMove[];
      totalPicks: number;
      counts: Record<SlotClass, number>;
      /** A and B holdings that stay far from the door because no nearer bin has room. */
      stuck: number;
      unrankedBins: number;
      binsWithoutCapacity: number;
      /** Stopped at the move limit or the work budget: more moves may follow. */
      truncated: boolean;
    };

/** The most moves one plan works out; past it, the plan says so and the next run goes on. */
export const maxSlottingMoves = 500;
// How many of a near bin's slowest holdings are tried when making room there.
const evictionCandidates = 8;
// Bin checks one plan may make before it stops and says there may be more.
const maxProbes = 5_000_000;

const classIndex = (cls: SlotClass) => classes.indexOf(cls);

/**
 * Ranks items by picks and classes them ABC; only items with picks are ranked, the others are C
 * with no position. Ties go to the lower item id, so a plan is the same every time.
 */
export function classifyItems(picks: ReadonlyMap<number, number>): Map<number, ItemClass> {
  const picked = [...picks.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const total = picked.reduce((sum, [, n]) => sum + n, 0);
  const result = new Map<number, ItemClass>();
  let before = 0;
  picked.forEach(([itemId, n], index) => {
    const share = before * 100;
    const cls =
      share < (shareLimits[0] ?? 0) * total ? "A" : share < (shareLimits[1] ?? 0) * total ? "B" : "C";
    result.set(itemId, { cls, picks: n, position: index + 1 });
    before += n;
  });
  return result;
}

/**
 * Suggests moves that bring the fastest movers nearest the door, within bin capacity, with as
 * few moves as it can: bins are zoned A/B/C in rank order, nearest first, by how much stock each
 * class holds; an A or B item's stock in a farther zone moves to the nearest nearer bin of its
 * zone (or better) with room, else a slower item's stock leaves such a bin for its own zone when
 * that makes room and the picks saved outweigh the picks moved farther. Stock already in its
 * zone never moves, and nothing is moved twice. Works on indices and typed arrays: a warehouse
 * of the benchmark company holds half a million item × bin stocks.
 */
export function planSlotting(input: {
  bins: readonly SlotBin[];
  holdings: readonly SlotHolding[];
  picks: ReadonlyMap<number, number>;
}): SlottingPlan {
  const ranked = input.bins
    .filter((b) => b.rank !== null)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (ranked.length === 0) return { kind: "no_ranks", bins: input.bins.length };
  const items = classifyItems(input.picks);
  if (items.size === 0) return { kind: "no_history" };
  const { holdings } = input;
  const bins = ranked.length;
  const position = new Map<number, number>(ranked.map((b, i) => [b.id, i]));

  // Per holding: its class, picks, movable quantity and bin position (unranked = `bins`, farthest).
  const count = holdings.length;
  const cls = new Uint8Array(count);
  const picks = new Float64Array(count);
  const movable = new Float64Array(count);
  const at = new Int32Array(count);
  const contents = new Float64Array(bins + 1);
  const demand = [0, 0, 0];
  for (let i = 0; i < count; i++) {
    const h = holdings[i] as SlotHolding;
    const c = items.get(h.itemId);
    cls[i] = c ? classIndex(c.cls) : 2;
    picks[i] = c?.picks ?? 0;
    movable[i] = h.onHand - h.reserved;
    const p = position.get(h.binId) ?? bins;
    at[i] = p;
    contents[p] = (contents[p] ?? 0) + h.onHand;
    demand[cls[i] ?? 2] = (demand[cls[i] ?? 2] ?? 0) + h.onHand;
  }
  const limit = new Float64Array(bins);
  const room = new Float64Array(bins);
  for (let p = 0; p < bins; p++) {
    limit[p] = ranked[p]?.capacity ?? contents[p] ?? 0;
    room[p] = (limit[p] ?? 0) - (contents[p] ?? 0);
  }
  // Zones: walk the bins from the door, A until they can hold all A stock, then B, then C.
  const zone = new Uint8Array(bins + 1).fill(classes.length);
  const zones = new Map<number, SlotClass>();
  let filled = 0;
  for (let p = 0; p < bins; p++) {
    const z = filled < (demand[0] ?? 0) ? 0 : filled < (demand[0] ?? 0) + (demand[1] ?? 0) ? 1 : 2;
    zone[p] = z;
    zones.set(ranked[p]?.id ?? 0, classes[z] ?? "C");
    filled += limit[p] ?? 0;
  }

  // What may move: A and B stock outside its zone, fastest item first, its farthest stock first.
  const itemPosition = (i: number) => items.get((holdings[i] as SlotHolding).itemId)?.position ?? 0;
  const candidates: number[] = [];
  const inBin: number[][] = Array.from({ length: bins }, () => []);
  for (let i = 0; i < count; i++) {
    const p = at[i] ?? bins;
    if (p < bins) inBin[p]?.push(i);
    if ((cls[i] ?? 2) < 2 && (zone[p] ?? 3) > (cls[i] ?? 2) && (movable[i] ?? 0) > 0) candidates.push(i);
  }
  const rankKey = new Float64Array(count);
  for (const i of candidates) rankKey[i] = itemPosition(i) * (bins + 2) + (bins + 1 - (at[i] ?? 0));
  candidates.sort((a, b) => (rankKey[a] ?? 0) - (rankKey[b] ?? 0));
  // A near bin's holdings, slowest first, sorted the first time something must leave it.
  const sorted = new Uint8Array(bins);
  const slowestFirst = (p: number): number[] => {
    const list = inBin[p] ?? [];
    if (!sorted[p]) {
      list.sort(
        (a, b) =>
          (cls[b] ?? 0) - (cls[a] ?? 0) ||
          (picks[a] ?? 0) - (picks[b] ?? 0) ||
          (movable[b] ?? 0) - (movable[a] ?? 0),
      );
      sorted[p] = 1;
    }
    return list;
  };

  const settled = new Uint8Array(count);
  const moves: SlotMove[] = [];
  const holding = (i: number) => holdings[i] as SlotHolding;
  const binId = (p: number) => ranked[p]?.id ?? 0;
  const apply = (i: number, to: number, reason: SlotMove["reason"], forItemId?: number) => {
    const h = holding(i);
    const qty = movable[i] ?? 0;
    moves.push({
      itemId: h.itemId,
      lotKey: h.lotKey,
      fromBinId: h.binId,
      toBinId: binId(to),
      qty,
      reason,
      ...(forItemId === undefined ? {} : { forItemId }),
      targetLimit: limit[to] ?? 0,
    });
    const from = at[i] ?? bins;
    if (from < bins) room[from] = (room[from] ?? 0) + qty;
    room[to] = (room[to] ?? 0) - qty;
    settled[i] = 1;
  };
  // Bounded work: a warehouse where nothing fits would otherwise try every stock against every bin.
  let budget = maxProbes;
  const nearest = (qty: number, from: number, to: number, skip = -1): number => {
    for (let p = from; p < to; p++) {
      budget -= 1;
      if (p !== skip && (room[p] ?? 0) >= qty) return p;
    }
    return -1;
  };
  const zoneStart = (c: number) => {
    let p = 0;
    while (p < bins && (zone[p] ?? 3) < c) p++;
    return p;
  };
  const firstOfZone = [zoneStart(0), zoneStart(1), zoneStart(2)];

  let stuck = 0;
  let truncated = false;
  for (const i of candidates) {
    if (settled[i]) continue;
    if (moves.length >= maxSlottingMoves - 1 || budget <= 0) {
      truncated = true;
      break;
    }
    const c = cls[i] ?? 2;
    const from = at[i] ?? bins;
    // Bins of zone ≤ c are a prefix (zones grow with the distance from the door).
    const end = Math.min(from, firstOfZone[c + 1] ?? bins);
    const target = nearest(movable[i] ?? 0, 0, end);
    if (target >= 0) {
      apply(i, target, "closer");
      continue;
    }
    const eviction = findEviction(i, end);
    if (!eviction) {
      settled[i] = 1;
      stuck += 1;
      continue;
    }
    apply(eviction.out, eviction.to, "make_room", holding(i).itemId);
    apply(i, eviction.bin, "closer");
  }

  function findEviction(i: number, end: number): { out: number; to: number; bin: number } | undefined {
    const c = cls[i] ?? 2;
    const from = at[i] ?? bins;
    const qty = movable[i] ?? 0;
    let best: { out: number; to: number; bin: number; score: number[] } | undefined;
    for (let p = 0; p < end; p++) {
      let tried = 0;
      for (const out of slowestFirst(p)) {
        if (tried >= evictionCandidates || budget <= 0) break;
        const outCls = cls[out] ?? 2;
        if (outCls <= c) break;
        if (settled[out]) continue;
        tried += 1;
        const moving = movable[out] ?? 0;
        if (moving <= 0 || (room[p] ?? 0) + moving < qty) continue;
        const dest = nearest(moving, firstOfZone[outCls] ?? bins, bins, p);
        if (dest < 0) continue;
        const saved = (picks[i] ?? 0) * (from - p);
        const lost = (picks[out] ?? 0) * (dest - p);
        if (saved <= lost) continue;
        const score = [-outCls, picks[out] ?? 0, p, moving];
        if (!best || lessThan(score, best.score)) best = { out, to: dest, bin: p, score };
      }
    }
    return best;
  }

  const counts: Record<SlotClass, number> = { A: 0, B: 0, C: 0 };
  for (const c of items.values()) counts[c.cls] += 1;
  return {
    kind: "plan",
    items,
    zones,
    moves,
    totalPicks: [...items.values()].reduce((sum, c) => sum + c.picks, 0),
    counts,
    stuck,
    unrankedBins: input.bins.length - ranked.length,
    binsWithoutCapacity: ranked.filter((b) => b.capacity === null).length,
    truncated,
  };
}

function lessThan(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return false;
}
