// English for /jxc slotting and its Move buttons.
const nth = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n.toLocaleString("en")}${suffix}`;
};

const items = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "item" : "items"}`;

export const enSlotting = {
  slotting: {
    usage: "Usage: `/jxc slotting <warehouse>`, e.g. `/jxc slotting MAIN`",
    whichWarehouse: (p: { list: string }) => `Which warehouse? ${p.list}`,
    working: (p: { warehouse: string }) =>
      `:hourglass_flowing_sand: Working out the moves for ${p.warehouse}…`,
    noWarehouses: "There are no warehouses yet: import bins with `/jxc import bins`.",
    title: (p: { warehouse: string }) => `Slotting · ${p.warehouse}`,
    summary: (p: { picks: number; items: number; days: number }) =>
      `${p.picks.toLocaleString("en")} lines picked of ${items(p.items)} in the last ${p.days} days (issues from this warehouse's bins)`,
    classes: (p: { a: number; b: number; c: number }) =>
      `A: ${items(p.a)} (80% of picks) · B: ${items(p.b)} (the next 15%) · C: ${items(p.c)} (the rest)`,
    noRanks: (p: { warehouse: string; bins: number }) =>
      `No bin in ${p.warehouse} has a rank yet (${p.bins} bins), so jxc cannot tell which are near the door. Import the bins with a \`rank\` column (1 = nearest the door) and a \`capacity\`: \`/jxc import bins\`.`,
    noHistory: (p: { warehouse: string; days: number }) =>
      `Nothing was picked in ${p.warehouse} in the last ${p.days} days (no issue moves), so there is nothing to slot by yet.`,
    nothingToMove:
      ":white_check_mark: Nothing to move: every fast mover is already as near the door as the bins' room allows.",
    move: (p: { n: number; qty: string; sku: string; name: string; from: string; to: string }) =>
      `*${p.n}.* Move *${p.qty}* ${p.sku} ${p.name} · ${p.from} → ${p.to}`,
    closer: (p: { cls: string; position: number; items: number; picks: number; from: string; to: string }) =>
      `_${p.cls} item, ${nth(p.position)} most picked of ${p.items} (${p.picks} picks): from ${p.from} to ${p.to}_`,
    makeRoom: (p: { cls: string; picks: number; bin: string; sku: string; from: string; to: string }) =>
      `_${p.cls} item (${p.picks} picks): makes room in ${p.bin} for ${p.sku}, the next move; from ${p.from} to ${p.to}_`,
    rank: (p: { rank: number }) => `the ${nth(p.rank)} bin from the door`,
    unranked: "a bin with no rank",
    moveButton: "Move",
    more: (p: { count: number; total: number; warehouse: string; atLeast: boolean }) =>
      `…and ${p.count.toLocaleString("en")} more moves (${p.atLeast ? "at least " : ""}${p.total.toLocaleString("en")} in all). Do these first, then \`/jxc slotting ${p.warehouse}\` again.`,
    total: (p: { total: number }) =>
      `${p.total} moves in all, in this order (a move that makes room comes first).`,
    stuck: (p: { count: number }) =>
      `${p.count.toLocaleString("en")} stocks of fast movers stay where they are: no nearer bin has room, and moving slower items out would not pay.`,
    noCapacity: (p: { count: number }) =>
      `${p.count} bins have no capacity: each is taken as full as it is (only what moves out makes room). Set capacities with \`/jxc import bins\`.`,
    unrankedBins: (p: { count: number }) =>
      `${p.count} bins have no rank and are not moved into (stock in them counts as farthest from the door).`,
    // Replies to a Move click.
    moved: (p: { qty: string; sku: string; from: string; to: string }) =>
      `:white_check_mark: Moved ${p.qty} ${p.sku} from ${p.from} to ${p.to}.`,
    changed: (p: { place: string; now: string; sku: string; qty: string }) =>
      `Nothing moved: ${p.place} now holds ${p.now} of ${p.sku} that may move, not the ${p.qty} suggested (moved already, or picked since). Run \`/jxc slotting\` again.`,
    noRoom: (p: { place: string; free: string }) =>
      `Nothing moved: ${p.place} has room for only ${p.free} now. Do the move above it that makes room first.`,
  },
};
