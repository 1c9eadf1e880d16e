import type { enReturns } from "./en-returns.ts";

// 拒收货物的处理（退货、换货、让步接收）以及超出容差、待仓库主管审批的收货。
export const zhReturns: typeof enReturns = {
  returns: {
    decisionNames: {
      return: "退回供应商（不补货）",
      replace: "退回换货",
      accept: "让步接收",
    },
    buttons: { return: "退货", replace: "换货", accept: "让步接收" },
    confirm: {
      returnTitle: "退货且不补货？",
      returnText: (p) => `${p.qty} ${p.sku} 退回供应商且不再补货：${p.number} 不再等待这些货物。`,
      replaceTitle: "退回换货？",
      replaceText: (p) => `${p.qty} ${p.sku} 退回供应商，由供应商补发：仍计为 ${p.number} 的在途数量。`,
      yes: "确定",
      no: "取消",
    },
    lineHead: (p) => `:leftwards_arrow_with_hook: *${p.qty}* ${p.sku} 拒收（${p.reason}）`,
    waiting: "请采购决定：*退货*（不补货）、*换货*（供应商补发，仍计在途）或*让步接收*（按订单价入库）。",
    stillWaiting: (p) => `还有 ${p.qty} 待采购决定：退货、换货或让步接收。`,
    decided: {
      return: (p) => `${p.number}：${p.qty} 退回供应商，不补货 — ${p.by}`,
      replace: (p) => `${p.number}：${p.qty} 退回换货，仍计在途 — ${p.by}`,
      accept: (p) => `${p.qty} 让步接收，入库 ${p.place} — ${p.by}`,
    },
    more: (p) => `另有 ${p.count} 行拒收货物，处理完上面的行后会在此显示按钮。`,
    thread: {
      return: (p) =>
        `:leftwards_arrow_with_hook: *${p.number}* · ${p.rtn}：${p.receipt} 的 ${p.qty} ${p.sku} 退回${p.supplier}，不补货，由 ${p.by} 决定；不再计为在途。${p.number} 现为${p.status}。`,
      replace: (p) =>
        `:leftwards_arrow_with_hook: *${p.number}* · ${p.rtn}：${p.receipt} 的 ${p.qty} ${p.sku} 退回${p.supplier}换货，由 ${p.by} 决定；仍计为在途。${p.number} 现为${p.status}。`,
      accept: (p) =>
        `:white_check_mark: *${p.number}* · ${p.receipt} 的 ${p.qty} ${p.sku} 由 ${p.by} 让步接收，入库 ${p.place}，按订单价计 ${p.value}。${p.number} 现为${p.status}。`,
    },
    warehouse: {
      return: (p) =>
        `:truck: 请将 ${p.qty} ${p.sku}（${p.receipt}，拒收：${p.reason}）退回${p.supplier} — ${p.rtn}，不补货。由 ${p.by} 决定。`,
      replace: (p) =>
        `:truck: 请将 ${p.qty} ${p.sku}（${p.receipt}，拒收：${p.reason}）退回${p.supplier} — ${p.rtn}，供应商将补发。由 ${p.by} 决定。`,
      accept: (p) =>
        `:inbox_tray: 请将 ${p.qty} ${p.sku}（${p.receipt}，拒收：${p.reason}）上架到 ${p.place}：已由 ${p.by} 让步接收。`,
    },
    done: {
      return: (p) =>
        `已完成：${p.rtn} — ${p.qty} ${p.sku} 退回供应商，不补货；${p.number} 现为${p.status}。已通知仓库退货。`,
      replace: (p) =>
        `已完成：${p.rtn} — ${p.qty} ${p.sku} 退回换货，仍计在途；${p.number} 现为${p.status}。已通知仓库退货。`,
      accept: (p) =>
        `已完成：${p.qty} ${p.sku} 已入库 ${p.place}，按订单价计 ${p.value}；${p.number} 现为${p.status}。已通知仓库上架。`,
    },
    left: (p) => `还有 ${p.qty} 待处理。`,
    modal: {
      title: "让步接收",
      submit: "接收",
      close: "取消",
      done: "关闭",
      intro: (p) =>
        `${p.receipt} 的 *${p.qty}* ${p.sku} 被拒收（${p.reason}）。接收的货物按订单价（每件 ${p.price}）入库；未接收的部分仍待退货或换货。`,
      qty: (p) => `接收数量（最多 ${p.qty}）`,
      bin: "入库库位（仓库/库位）",
    },
    over: {
      line: (p) =>
        `*${p.sku}*：订购 ${p.ordered}，此前 ${p.before}，本次合格 ${p.accepted} — *超出订单 ${p.over}（${p.pct}%）*；容差内最多 ${p.most}`,
      noneBefore: "无",
      pending: (p) =>
        `:hourglass: *${p.receipt}*（*${p.number}*）超出 ${p.pct}% 的收货容差：\n${p.lines}\n等待审批（${p.roles}）；批准前不入库。审批结果将私信通知你。`,
      card: (p) => `*${p.number}* · ${p.supplier} · 收货人 ${p.by}，超出 ${p.pct}% 的容差：\n${p.lines}`,
      within: (p) => `另有 ${p.count} 行在容差内。`,
      effect: "批准后按订单价入库；驳回则拒收货物，库存不变。",
      thread: {
        awaiting: (p) =>
          `:hourglass: *${p.number}* · ${p.receipt}（收货人 ${p.by}）超出容差，等待仓库主管审批；尚未入库。`,
        refused: (p) =>
          `:x: *${p.number}* · ${p.receipt}（超出容差）已被 ${p.by} 驳回${p.reason ? `：${p.reason}` : ""}。未入库；货物由承运人带回，仍计为在途。`,
      },
      toReceiver: {
        approved: "已入库：请按收货单上架。",
        rejected: "未入库：请拒收货物，由承运人带回。",
      },
      approvedBy: (p) => `超出容差，已由 ${p.by} 批准。`,
    },
    receiptTitle: (p) => `收货单 ${p.receipt} · ${p.number} · ${p.supplier}`,
    receiptStatuses: {
      posted: ":white_check_mark: 已过账",
      pending_approval: ":hourglass: 待审批",
      refused: ":x: 已拒收",
    },
  },
};
