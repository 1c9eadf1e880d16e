// 简体中文: /jxc slotting and its Move buttons.
import type { enSlotting } from "./en-slotting.ts";

export const zhSlotting: typeof enSlotting = {
  slotting: {
    usage: "用法：`/jxc slotting <仓库>`，例如 `/jxc slotting MAIN`",
    whichWarehouse: (p) => `哪个仓库？${p.list}`,
    working: (p) => `:hourglass_flowing_sand: 正在为 ${p.warehouse} 计算移库建议……`,
    noWarehouses: "还没有仓库：请用 `/jxc import bins` 导入库位。",
    title: (p) => `库位优化 · ${p.warehouse}`,
    summary: (p) =>
      `近 ${p.days} 天拣货 ${p.picks.toLocaleString("en")} 行，涉及 ${p.items.toLocaleString("en")} 个商品（本仓库位的出库）`,
    classes: (p) => `A 类：${p.a} 个（占拣货 80%）· B 类：${p.b} 个（其后 15%）· C 类：${p.c} 个（其余）`,
    noRanks: (p) =>
      `${p.warehouse} 的库位（共 ${p.bins} 个）都还没有排序，无法判断哪些离门近。请用 \`/jxc import bins\` 导入 \`rank\` 列（1 = 离门最近）和 \`capacity\`（容量）。`,
    noHistory: (p) => `${p.warehouse} 近 ${p.days} 天没有拣货（没有出库记录），暂时无法据此优化库位。`,
    nothingToMove: ":white_check_mark: 无需移库：周转快的商品已在库位容量允许的范围内尽量靠近门口。",
    move: (p) => `*${p.n}.* 移库 *${p.qty}* ${p.sku} ${p.name} · ${p.from} → ${p.to}`,
    closer: (p) =>
      `_${p.cls} 类商品，拣货次数排第 ${p.position}（共 ${p.items} 个，${p.picks} 次）：从${p.from}移到${p.to}_`,
    makeRoom: (p) =>
      `_${p.cls} 类商品（${p.picks} 次拣货）：为下一条的 ${p.sku} 腾出 ${p.bin}；从${p.from}移到${p.to}_`,
    rank: (p) => `离门第 ${p.rank} 近的库位`,
    unranked: "未排序的库位",
    moveButton: "移库",
    more: (p) =>
      `……另有 ${p.count.toLocaleString("en")} 条移库建议（共${p.atLeast ? "至少 " : " "}${p.total.toLocaleString("en")} 条）。请先完成这些，再运行 \`/jxc slotting ${p.warehouse}\`。`,
    total: (p) => `共 ${p.total} 条移库建议，请按顺序执行（腾位的移库在前）。`,
    stuck: (p) =>
      `${p.count.toLocaleString("en")} 处快周转商品的库存留在原处：更近的库位没有空间，移出慢周转商品也不划算。`,
    noCapacity: (p) =>
      `${p.count} 个库位没有设置容量：视为已满（只有移出的量才腾出空间）。请用 \`/jxc import bins\` 设置容量。`,
    unrankedBins: (p) => `${p.count} 个库位没有排序，不作为移入目标（其中的库存视为离门最远）。`,
    moved: (p) => `:white_check_mark: 已将 ${p.qty} ${p.sku} 从 ${p.from} 移到 ${p.to}。`,
    changed: (p) =>
      `未移库：${p.place} 现在可移动的 ${p.sku} 为 ${p.now}，不是建议的 ${p.qty}（可能已移过，或之后有拣货）。请重新运行 \`/jxc slotting\`。`,
    noRoom: (p) => `未移库：${p.place} 现在只能再放 ${p.free}。请先完成上面为它腾位的那条移库。`,
  },
};
