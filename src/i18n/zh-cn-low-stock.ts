// 简体中文: low-stock alerts, their buttons, the morning digest and /jxc lowstock.
import type { enLowStock } from "./en-low-stock.ts";

export const zhLowStock: typeof enLowStock = {
  lowStock: {
    title: (p) => `:warning: 低库存：${p.sku}`,
    reminderTitle: (p) => `:warning: 仍然低库存：${p.sku}`,
    lead: (p) => `*${p.sku}* ${p.name} 已降到再订货点或以下（预计库存 = 可用 + 在途）。`,
    fallback: (p) => `低库存：${p.sku} ${p.name} · 预计 ${p.projected}，再订货点 ${p.point}`,
    projected: "预计库存",
    reorderPoint: "再订货点",
    onHand: "在库",
    reservedNote: (p) => `（已预留 ${p.qty}）`,
    onOrder: "在途",
    supplier: "默认供应商",
    noSupplier: "_无：请在商品上设置默认供应商，才能起草采购单_",
    draftPo: "起草采购单",
    snooze1: "暂缓 1 天",
    snooze7: "暂缓 7 天",
    drafted: (p) => `:memo: ${p.by} 已起草 *${p.number}*：用 \`/po ${p.number}\` 查看并提交`,
    snoozed: (p) => `:zzz: ${p.by} 暂缓至 ${p.until}`,
    replenished: ":white_check_mark: 已补回再订货点以上：本提醒已结束。",
    draftedReply: (p) =>
      `:memo: 已按采购计划的建议起草 *${p.number}*：向 ${p.supplier} 采购 ${p.qty} ${p.sku}。请用 \`/po ${p.number}\` 查看并提交审批。`,
    alreadyDrafted: (p) => `已由 ${p.by} 起草 *${p.number}*，未重复创建；用 \`/po ${p.number}\` 查看。`,
    noSupplierReply: (p) =>
      `${p.sku} 没有默认供应商，未起草采购单。请在商品上设置（\`/jxc import items\` 的 \`supplier\` 列），或用 \`/po\` 手工下单。`,
    supplierArchivedReply: (p) =>
      `${p.sku} 的默认供应商 ${p.supplier} 已归档，未起草采购单。请为商品换一个供应商，或用 \`/po\` 手工下单。`,
    noPriceReply: (p) =>
      `${p.sku} 没有上次采购价或成本，未起草。请带价格向 ${p.supplier} 下单：\`/po ${p.supplier} <数量> ${p.sku} @ <单价>\`。`,
    onDraftsReply: (p) => `${p.sku} 已在 ${p.numbers}（草稿或待审批）中，数量已够：未再起草。`,
    cannotSizeReply: (p) =>
      `采购计划无法为 ${p.sku} 确定数量：${p.days} 天内没有出库，也没有设置再订货量或最高库存。请用 \`/po\` 手工下单。`,
    snoozedReply: (p) => `:zzz: ${p.sku} 已暂缓至 ${p.until}。届时仍低于再订货点会再次提醒。`,
    alreadySnoozed: (p) => `${p.sku} 已由 ${p.by} 暂缓至 ${p.until}，未作更改。`,
    staleReply: "这条提醒已过期：商品之后已补货。未作任何更改。",
    replenishedReply: (p) => `${p.sku} 已回到再订货点以上：无需处理，未作任何更改。`,
    digestTitle: ":warning: 今晨低库存",
    listTitle: "当前低库存",
    digestSummary: (p) =>
      `${p.total} 个商品处于再订货点或以下${p.snoozed > 0 ? `（另有 ${p.snoozed} 个已暂缓，未列出）` : ""}`,
    digestLine: (p) =>
      `• *${p.sku}* ${p.name} · 预计 ${p.projected}，再订货点 ${p.point}${p.supplier ? ` · ${p.supplier}` : ""}`,
    more: (p) => `……另有 ${p.count} 个`,
    digestFooter: "用 `/po plan` 为它们起草采购单；`/jxc lowstock` 随时查看清单。",
    nothingLow: ":white_check_mark: 没有商品处于再订货点或以下。",
    modeSingle:
      "提醒方式：商品降到再订货点时，向仓库和采购频道各发一条（`/jxc route low_stock.alert` 可更改去向）。",
    modeDigest: "提醒方式：每天早上 08:00 发一份汇总，不再单条提醒。",
    digestOn: "已完成 — 低库存改为每天早上 08:00 汇总一次，不再单条提醒。",
    digestOff: "已完成 — 恢复单条低库存提醒，商品降到再订货点时各发一条。",
    digestUnchanged: (p) => `汇总已经是${p.on ? "开启" : "关闭"}状态，未作更改。`,
    usage: "用法：`/jxc lowstock`（当前清单）· `/jxc lowstock digest on|off`（管理员）",
  },
};
