import type { enPlan } from "./en-plan.ts";

// 采购计划（/po plan、按钮和每周推送）的简体中文。
export const zhPlan: typeof enPlan = {
  plan: {
    usage:
      "用法：`/po plan` · `/po plan <供应商>`（该供应商的全部行）· 加天数换需求窗口（`/po plan 30`），或加 `season`/`去年同期` 看去年同期 · `/po plan settings` 查看公司的采购计划设置（采购经理和管理员可在此修改）。",
    title: "采购计划",
    weeklyTitle: "每周采购计划",
    window: (p) => (p.season ? `需求：去年同期 ${p.days} 天的出库` : `需求：最近 ${p.days} 天的出库`),
    historyNote: "（暂无销售订单：以出库数量作为需求）",
    summary: (p) => `${p.suggested} 个物料需向 ${p.suppliers} 家供应商采购（共检查 ${p.items} 个物料）`,
    nothing: "目前无需采购：所有计划物料都高于再订货点。",
    noSupplier: "无默认供应商（在物料上设置后即可在此下单）",
    group: (p) => `*${p.supplier}* · ${p.count} 行`,
    line: (p) => `*${p.qty}* ${p.sku} ${p.name} · 预计 ${p.projected}，补货点 ${p.trigger}`,
    noHistoryTag: (p) => ` · _${p.days} 天内无销售：按再订货量_`,
    moreLines: (p) => `……还有 ${p.count} 行：\`/po plan ${p.code}\``,
    moreSuppliers: (p) => `……还有 ${p.count} 家供应商：用 \`/po plan <供应商>\` 查看`,
    noHistory: (p) =>
      `${p.count} 个物料已到再订货点，但 ${p.days} 天内无销售，且未设再订货量或最高库存：不作建议（${p.skus}）`,
    noHistorySized: (p) => `${p.count} 条建议在 ${p.days} 天内无销售：按再订货量或最高库存计算`,
    why: "为什么是这个数？",
    createDrafts: "生成采购订单草稿",
    weeklyMore: "输入 `/po plan` 查看全部行、计算依据并生成采购订单草稿。",
    unknownSupplier: (p) => `没有供应商 \`${p.code}\`。用法：\`/po plan <供应商>\``,
    drafts: (p) =>
      `:memo: 已生成采购订单草稿 ${p.numbers}，共 ${p.lines} 行。请核对（\`/po <单号>\`）后提交审批。`,
    unpriced: (p) => `${p.skus} 没有上次价格或成本：未放入草稿，请手工填价添加。`,
    nothingLeft: "该供应商已无需采购：计划已变化（草稿可能已生成）。",
    whyTitle: (p) => `为什么建议 ${p.sku} ${p.name} ${p.qty}？`,
    whyDemand: (p) => `需求：${p.days} 天（${p.from} – ${p.to}）出库 ${p.issued} = 每天 ${p.rate}`,
    whyNoDemand: (p) => `需求：${p.days} 天（${p.from} – ${p.to}）内无出库`,
    whyLead: (p) =>
      p.source === "none"
        ? "交货期：物料和供应商都未设置，按 0 天"
        : p.source === "supplier_item"
          ? `交货期：${p.days} 天（取自供应商对该物料的条款）`
          : `交货期：${p.days} 天（取自${p.source === "item" ? "物料" : "供应商"}）`,
    whyLeadDemand: (p) => `交货期内需求：${p.rate} × ${p.days} 天，向上取整 = ${p.qty}`,
    whySafety: (p) => `安全库存：${p.qty}`,
    whyProjected: (p) =>
      `预计库存：在库 ${p.onHand} − 预留 ${p.reserved} + 在途 ${p.onOrder} + 草稿采购单 ${p.inDraft} = *${p.projected}*`,
    whyTrigger: {
      reorder_point: (p) => `再订货点 ${p.trigger}：预计库存 ${p.projected} 不高于它，需要采购`,
      lead_demand: (p) =>
        `未设再订货点：交货期需求 + 安全库存 = ${p.trigger}；预计库存 ${p.projected} 不高于它，需要采购`,
      safety_stock: (p) =>
        `未设再订货点且无销售：预计库存（${p.projected}）不高于安全库存 ${p.trigger} 时采购`,
    },
    whyBasis: {
      max_level: (p) => `补到最高库存：${p.max} − ${p.projected} = ${p.needed}`,
      reorder_qty: (p) => `再订货量 ${p.reorderQty} × ${p.times}（足以高于再订货点）= ${p.needed}`,
      cover: (p) =>
        `覆盖交货期 + 复核周期（${p.days} + ${p.review} 天）= ${p.cover}，+ 安全库存 ${p.safety} − 预计库存 ${p.projected} = ${p.needed}`,
    },
    whyRounded: (p) => `按整${p.unit}（每${p.unit} ${p.pack}）向上取整：*${p.qty}*`,
    whyNotRounded: (p) => `未设采购单位或包装规格：*${p.qty}*`,
    whyMoqRaised: (p) => `提高到供应商最小起订量 ${p.moq}（需要 ${p.needed}）`,
    whyMoqMet: (p) => `已达到供应商最小起订量 ${p.moq}`,
    whyRoundedPacks: (p) => `按供应商整包（每包 ${p.pack}）向上取整：*${p.qty}*`,
    whyRoundedBoth: (p) =>
      `按整${p.unit}（每${p.unit} ${p.unitPack}）且供应商整包（每包 ${p.pack}）向上取整（${p.step} 的倍数）：*${p.qty}*`,
    whyNoHistory: (p) => `_${p.days} 天内无销售：按再订货量或最高库存计算。_`,
    lateNote: (p) =>
      `:alarm_clock: 预计 ${p.expected} 到货，已逾期 ${p.days} 天且未收齐。请 ${p.owner} 催促供应商。`,
    lateEscalated: (p) =>
      `:rotating_light: 预计 ${p.expected} 到货，逾期 ${p.days} 天仍未交货：已通知采购经理（下单人 ${p.owner}）。`,
    whyGone: "该物料已无需采购：此消息发出后计划已变化。",
    working: ":hourglass_flowing_sand: 正在生成采购计划……稍后显示在这里。",
    chooseLines: "选择行……",
    chooseHint: "只要其中部分行？选择要放入草稿的行。",
    chooseTitle: "采购订单草稿",
    chooseIntro: (p) => `*${p.supplier}*：计划中的 ${p.count} 行，最紧急的在前。取消勾选不需要放入草稿的行。`,
    chooseLabel: (p) => `第 ${p.from}–${p.to} 行`,
    chooseOption: (p) => `${p.qty} · ${p.sku} ${p.name}`,
    chooseMore: (p) => `……还有 ${p.count} 行未列出：“生成采购订单草稿”按钮会包含全部行。`,
    chooseNone: "请至少勾选一行。",
    chooseSubmit: "生成草稿",
    cancel: "取消",
    done: "完成",
    settingsTitle: "采购计划设置",
    settingsShow: (p) =>
      `*采购计划设置：*需求窗口 ${p.window} 天${p.season ? "（去年同期）" : ""} · 补货周期 ${p.review} 天（订单在交货期之外覆盖的天数）。`,
    settingsReadOnly: "只有采购经理或管理员可以修改。",
    settingsIntro: "`/po plan` 和每周计划如何读取需求。输入 `/po plan 30` 或 `season` 仍可临时覆盖这些设置。",
    windowLabel: "需求窗口（天）",
    windowHint: "例如 90：以最近 90 天的出库作为需求",
    reviewLabel: "补货周期（天）",
    reviewHint: "订单在交货期之外覆盖的天数，例如 7",
    seasonLabel: "季节",
    seasonOption: "读取去年同期（季节性商品）",
    save: "保存",
    settingsSaved: (p) =>
      `:white_check_mark: 已保存采购计划设置：需求窗口 ${p.window} 天${p.season ? "（去年同期）" : ""}，补货周期 ${p.review} 天。`,
    settingsUnchanged: "未作更改：采购计划设置本来就是这些。",
  },
};
