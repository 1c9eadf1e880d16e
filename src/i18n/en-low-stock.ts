// English for low-stock alerts, their buttons, the morning digest and /jxc lowstock.
export const enLowStock = {
  lowStock: {
    title: (p: { sku: string }) => `:warning: Low stock: ${p.sku}`,
    reminderTitle: (p: { sku: string }) => `:warning: Still low: ${p.sku}`,
    lead: (p: { sku: string; name: string }) =>
      `*${p.sku}* ${p.name} is at or below its reorder point (projected = available + on order).`,
    fallback: (p: { sku: string; name: string; projected: string; point: string }) =>
      `Low stock: ${p.sku} ${p.name} · projected ${p.projected}, reorder point ${p.point}`,
    projected: "Projected",
    reorderPoint: "Reorder point",
    onHand: "On hand",
    reservedNote: (p: { qty: string }) => `(reserved ${p.qty})`,
    onOrder: "On order",
    supplier: "Default supplier",
    noSupplier: "_none: set one on the item to draft a PO_",
    draftPo: "Draft PO",
    snooze1: "Snooze 1 day",
    snooze7: "Snooze 7 days",
    drafted: (p: { number: string; by: string }) =>
      `:memo: Draft *${p.number}* by ${p.by}: review it with \`/po ${p.number}\` and submit it`,
    snoozed: (p: { until: string; by: string }) => `:zzz: Snoozed until ${p.until} by ${p.by}`,
    replenished: ":white_check_mark: Back above its reorder point: this alert is closed.",
    // Replies to the person who clicked.
    draftedReply: (p: { number: string; qty: string; sku: string; supplier: string }) =>
      `:memo: Draft *${p.number}* created: ${p.qty} ${p.sku} from ${p.supplier}, as the purchase plan suggests. Review it with \`/po ${p.number}\` and submit it for approval.`,
    alreadyDrafted: (p: { number: string; by: string }) =>
      `Already drafted: *${p.number}* by ${p.by}. Nothing new was written; review it with \`/po ${p.number}\`.`,
    noSupplierReply: (p: { sku: string }) =>
      `${p.sku} has no default supplier, so no PO was drafted. Set one on the item (\`/jxc import items\`, column \`supplier\`) or write the PO with \`/po\`.`,
    supplierArchivedReply: (p: { sku: string; supplier: string }) =>
      `The default supplier of ${p.sku}, ${p.supplier}, is archived: no PO was drafted. Choose another supplier on the item or write the PO with \`/po\`.`,
    noPriceReply: (p: { sku: string; supplier: string }) =>
      `No last price or cost for ${p.sku}, so no draft was made. Write the PO to ${p.supplier} with a price: \`/po ${p.supplier} <qty> ${p.sku} @ <price>\`.`,
    onDraftsReply: (p: { sku: string; numbers: string }) =>
      `${p.sku} is already on ${p.numbers} (draft or waiting for approval), which cover it: nothing new was drafted.`,
    cannotSizeReply: (p: { sku: string; days: number }) =>
      `The purchase plan cannot size an order for ${p.sku}: no issues in ${p.days} days and no reorder qty or max level. Write the PO with \`/po\`.`,
    snoozedReply: (p: { sku: string; until: string }) =>
      `:zzz: ${p.sku} is snoozed until ${p.until}. If it is still low then, it alerts again.`,
    alreadySnoozed: (p: { sku: string; until: string; by: string }) =>
      `${p.sku} is already snoozed until ${p.until} by ${p.by}; nothing changed.`,
    staleReply: "This alert is out of date: the item was replenished since. Nothing was changed.",
    replenishedReply: (p: { sku: string }) =>
      `${p.sku} is back above its reorder point: nothing to do, and nothing was changed.`,
    // The morning digest and /jxc lowstock.
    digestTitle: ":warning: Low stock this morning",
    listTitle: "Low stock now",
    digestSummary: (p: { total: number; snoozed: number }) =>
      `${p.total === 1 ? "1 item at or below its" : `${p.total.toLocaleString("en")} items at or below their`} reorder point${p.snoozed > 0 ? ` (${p.snoozed} snoozed, not listed)` : ""}`,
    digestLine: (p: { sku: string; name: string; projected: string; point: string; supplier: string }) =>
      `• *${p.sku}* ${p.name} · projected ${p.projected}, reorder point ${p.point}${p.supplier ? ` · ${p.supplier}` : ""}`,
    more: (p: { count: number }) => `…and ${p.count} more`,
    digestFooter: "Draft POs for them with `/po plan`; `/jxc lowstock` shows the list at any time.",
    nothingLow: ":white_check_mark: No item is at or below its reorder point.",
    modeSingle:
      "Alerts: one message per item to the warehouse and purchasing channels when it drops to its reorder point (`/jxc route low_stock.alert` changes where).",
    modeDigest: "Alerts: one digest every morning at 08:00 instead of single alerts.",
    digestOn: "Done — low stock now comes as one digest every morning at 08:00; single alerts stop.",
    digestOff: "Done — single low-stock alerts again, one per item as it drops to its reorder point.",
    digestUnchanged: (p: { on: boolean }) => `The digest is already ${p.on ? "on" : "off"}; nothing changed.`,
    usage: "Usage: `/jxc lowstock` (the list now) · `/jxc lowstock digest on|off` (admins)",
  },
};
