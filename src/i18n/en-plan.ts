// English for the purchase plan (/po plan, its buttons and the weekly post).
export const enPlan = {
  plan: {
    usage:
      "Usage: `/po plan` · `/po plan <supplier>` (all its lines) · add a number of days for another demand window (`/po plan 30`) or `season` for the same days last year · `/po plan settings` shows the company's plan settings (purchasing managers and admins change them there).",
    title: "Purchase plan",
    weeklyTitle: "Weekly purchase plan",
    window: (p: { days: number; season: boolean }) =>
      p.season
        ? `Demand: issues of the same ${p.days} days last year`
        : `Demand: issues of the last ${p.days} days`,
    historyNote: "(no sales orders yet: stock issued is the demand)",
    summary: (p: { suggested: number; suppliers: number; items: number }) =>
      `${p.suggested} items to buy from ${p.suppliers} suppliers (${p.items.toLocaleString("en")} items looked at)`,
    nothing: "Nothing to buy now: every planned item is above its reorder point.",
    noSupplier: "No default supplier (set one on the item to order it from here)",
    group: (p: { supplier: string; count: number }) => `*${p.supplier}* · ${p.count} lines`,
    line: (p: { qty: string; sku: string; name: string; projected: string; trigger: string }) =>
      `*${p.qty}* ${p.sku} ${p.name} · projected ${p.projected}, buy at ${p.trigger}`,
    noHistoryTag: (p: { days: number }) => ` · _no sales in ${p.days} days: reorder qty used_`,
    moreLines: (p: { count: number; code: string }) => `…and ${p.count} more lines: \`/po plan ${p.code}\``,
    moreSuppliers: (p: { count: number }) =>
      `…and ${p.count} more suppliers: \`/po plan <supplier>\` shows one`,
    noHistory: (p: { count: number; days: number; skus: string }) =>
      `${p.count} items are at their reorder point but had no sales in ${p.days} days and have no reorder qty or max level: no suggestion (${p.skus})`,
    noHistorySized: (p: { count: number; days: number }) =>
      `${p.count} suggestions had no sales in ${p.days} days: their reorder qty or max level was used`,
    why: "Why this number?",
    createDrafts: "Create draft POs",
    weeklyMore: "Type `/po plan` for every line, the reasons and to create draft POs.",
    unknownSupplier: (p: { code: string }) => `No supplier \`${p.code}\`. ${"Usage: `/po plan <supplier>`"}`,
    drafts: (p: { numbers: string; lines: number }) =>
      `:memo: Draft ${p.numbers} created (${p.lines === 1 ? "1 line" : `${p.lines} lines`}). Review it with \`/po <number>\` and submit it for approval.`,
    unpriced: (p: { skus: string }) =>
      `No last price or cost for ${p.skus}: not put on a draft; add them by hand with a price.`,
    nothingLeft: "Nothing left to order from this supplier: the plan has changed (drafts already made?).",
    whyTitle: (p: { qty: string; sku: string; name: string }) => `Why ${p.qty} of ${p.sku} ${p.name}?`,
    whyDemand: (p: { issued: string; days: number; rate: string; from: string; to: string }) =>
      `Demand: ${p.issued} issued in ${p.days} days (${p.from} – ${p.to}) = ${p.rate} a day`,
    whyNoDemand: (p: { days: number; from: string; to: string }) =>
      `Demand: nothing issued in ${p.days} days (${p.from} – ${p.to})`,
    whyLead: (p: { days: number; source: "supplier_item" | "item" | "supplier" | "none" }) =>
      p.source === "none"
        ? "Lead time: not set on the item or the supplier, so 0 days"
        : p.source === "supplier_item"
          ? `Lead time: ${p.days} days (the supplier's terms for this item)`
          : `Lead time: ${p.days} days (from the ${p.source === "item" ? "item" : "supplier"})`,
    whyLeadDemand: (p: { rate: string; days: number; qty: string }) =>
      `Demand over the lead time: ${p.rate} × ${p.days} days, rounded up = ${p.qty}`,
    whySafety: (p: { qty: string }) => `Safety stock: ${p.qty}`,
    whyProjected: (p: {
      onHand: string;
      reserved: string;
      onOrder: string;
      inDraft: string;
      projected: string;
    }) =>
      `Projected: on hand ${p.onHand} − reserved ${p.reserved} + on order ${p.onOrder} + on draft POs ${p.inDraft} = *${p.projected}*`,
    whyTrigger: {
      reorder_point: (p: { trigger: string; projected: string }) =>
        `Reorder point ${p.trigger}: projected ${p.projected} is at or below it, so buy`,
      lead_demand: (p: { trigger: string; projected: string }) =>
        `No reorder point: lead-time demand + safety stock = ${p.trigger}; projected ${p.projected} is at or below it, so buy`,
      safety_stock: (p: { trigger: string; projected: string }) =>
        `No reorder point and no sales: buy when projected (${p.projected}) is at or below the safety stock ${p.trigger}`,
    },
    whyBasis: {
      max_level: (p: { max: string; projected: string; needed: string }) =>
        `Fill up to the max level: ${p.max} − ${p.projected} = ${p.needed}`,
      reorder_qty: (p: { reorderQty: string; times: number; needed: string }) =>
        `Reorder qty ${p.reorderQty} × ${p.times} (enough to get above the reorder point) = ${p.needed}`,
      cover: (p: {
        days: number;
        review: number;
        cover: string;
        safety: string;
        projected: string;
        needed: string;
      }) =>
        `Cover lead time + review period (${p.days} + ${p.review} days) = ${p.cover}, + safety ${p.safety} − projected ${p.projected} = ${p.needed}`,
    },
    whyRounded: (p: { unit: string; pack: string; qty: string }) =>
      `Rounded up to whole ${p.unit} of ${p.pack}: *${p.qty}*`,
    whyNotRounded: (p: { qty: string }) => `No purchase unit or pack size set: *${p.qty}*`,
    whyMoqRaised: (p: { moq: string; needed: string }) =>
      `Raised to the supplier's minimum order of ${p.moq} (${p.needed} needed)`,
    whyMoqMet: (p: { moq: string }) => `Above the supplier's minimum order of ${p.moq}`,
    whyRoundedPacks: (p: { pack: string; qty: string }) =>
      `Rounded up to whole supplier packs of ${p.pack}: *${p.qty}*`,
    whyRoundedBoth: (p: { unit: string; unitPack: string; pack: string; step: string; qty: string }) =>
      `Rounded up to whole ${p.unit} of ${p.unitPack} and whole supplier packs of ${p.pack} (multiples of ${p.step}): *${p.qty}*`,
    whyNoHistory: (p: { days: number }) =>
      `_No sales in ${p.days} days: the reorder qty or max level was used._`,
    lateNote: (p: { expected: string; days: number; owner: string }) =>
      `:alarm_clock: Expected ${p.expected}, ${p.days === 1 ? "1 day" : `${p.days} days`} ago, and not fully received. ${p.owner}, please chase the supplier.`,
    lateEscalated: (p: { expected: string; days: number; owner: string }) =>
      `:rotating_light: Expected ${p.expected} and still not delivered after ${p.days} days: the purchasing manager is told (PO by ${p.owner}).`,
    whyGone: "This item needs no purchase any more: the plan has changed since this message.",
    working: ":hourglass_flowing_sand: Working on the purchase plan… it appears here in a moment.",
    chooseLines: "Choose lines…",
    chooseHint: "Only some of these lines? Choose them for the drafts.",
    chooseTitle: "Draft POs",
    chooseIntro: (p: { supplier: string; count: number }) =>
      `*${p.supplier}*: the plan's ${p.count === 1 ? "line" : `${p.count} lines`}, most urgent first. Untick what should not go on the drafts.`,
    chooseLabel: (p: { from: number; to: number }) => `Lines ${p.from}–${p.to}`,
    chooseOption: (p: { qty: string; sku: string; name: string }) => `${p.qty} · ${p.sku} ${p.name}`,
    chooseMore: (p: { count: number }) =>
      `…and ${p.count} more lines not listed here: the Create draft POs button takes every line.`,
    chooseNone: "Tick at least one line.",
    chooseSubmit: "Create drafts",
    cancel: "Cancel",
    done: "Done",
    settingsTitle: "Plan settings",
    settingsShow: (p: { window: number; review: number; season: boolean }) =>
      `*Purchase plan settings:* demand window ${p.window} days${p.season ? " (the same days last year)" : ""} · review period ${p.review} days (how long an order covers beyond the lead time).`,
    settingsReadOnly: "Only a purchasing manager or an admin can change them.",
    settingsIntro:
      "How `/po plan` and the weekly plan read demand. A typed `/po plan 30` or `season` still overrides these for one plan.",
    windowLabel: "Demand window (days)",
    windowHint: "e.g. 90: the issues of the last 90 days are the demand",
    reviewLabel: "Review period (days)",
    reviewHint: "how many days an order covers beyond the lead time, e.g. 7",
    seasonLabel: "Season",
    seasonOption: "Read the same days last year (seasonal goods)",
    save: "Save",
    settingsSaved: (p: { window: number; review: number; season: boolean }) =>
      `:white_check_mark: Plan settings saved: demand window ${p.window} days${p.season ? " (the same days last year)" : ""}, review period ${p.review} days.`,
    settingsUnchanged: "Nothing changed: the plan settings were already these.",
  },
};
