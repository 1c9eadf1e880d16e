import type { ErrorParams } from "../domain/errors.ts";
import type { PurchaseOrderStatus } from "../domain/purchasing/states.ts";
import type { Role } from "../domain/roles.ts";
import { type enReceiving, type enReceivingErrors, mentions } from "./en-receiving.ts";
import { roleList } from "./role-list.ts";
import { zhPoStatusNames } from "./zh-cn-purchasing.ts";

export const zhReceivingErrors = (roleNames: Record<Role, string>): ReturnType<typeof enReceivingErrors> => ({
  RECEIPT_WAITING: (p: ErrorParams) => {
    const who = `${roleList(p.role ?? "", roleNames)}${p.people ? `（${mentions(p.people)}）` : ""}`;
    const blocked =
      p.action === "settle" ? `${p.number} 的拒收货物不能让步接收或退货` : `${p.number} 不能再收货`;
    return `${p.receipt} 超出允差，仍在等待${who}审批；在批准或驳回之前，${blocked}。未作任何更改。`;
  },
  RECEIPT_OVERTAKEN: (p: ErrorParams) =>
    `${p.number} 当前${zhPoStatusNames[p.status as PurchaseOrderStatus] ?? p.status}，${p.receipt} 无法过账；未作任何更改。${p.status === "on_hold" ? `请在 ${p.number} 恢复后批准，或驳回` : "请驳回"}，货物退回供应商。`,
});

// 按采购订单收货（/receive）的中文文案。
export const zhReceiving: typeof enReceiving = {
  receive: {
    usage:
      "用法：`/receive PO-000001` 打开收货表单（逐行填写实收、合格、拒收及原因、库位）；`/receive PO-000001 all [仓库/库位]` 将所有未收数量全部验收合格。",
    reasons: {
      damaged: "破损",
      wrong_spec: "规格不符",
      quality: "质量问题",
      short: "短缺",
    },
    nothingOpen: (p) => `*${p.number}* 已全部收货，没有未收的数量。`,
    noBin: (p) => `${p.sku} 还没有有库存的库位：请指定库位，例如 \`/receive ${p.number} all MAIN/A-01\`。`,
    badBin: (p) => `\`${p.input}\` 不是库位：请按 仓库/库位 输入，例如 MAIN/A-01。`,
    summary: (p) =>
      [
        `合格 ${p.accepted}`,
        p.rejected > 0 ? `，拒收 ${p.rejected}（${p.reasons}）` : "",
        p.places ? `，入库 ${p.places}` : "",
      ].join(""),
    posted: (p) => `:package: *${p.receipt}*（*${p.number}*）：${p.summary}。${p.number} 现为${p.status}。`,
    thread: (p) => `:package: ${p.receipt}：${p.summary}，收货人 ${p.by}；现为${p.status}。`,
    returnPending: "拒收的货物不入库，仍计在途，待采购在采购订单的讨论串中决定：退货、换货或让步接收。",
    modal: {
      title: "收货",
      submit: "过账",
      close: "取消",
      done: "关闭",
      intro: (p) =>
        `*${p.number}* · ${p.supplier}。逐行填写实际到货（实收留空则跳过该行）。合格 + 拒收 必须等于实收；超出订购数量 ${p.tolerance}% 以内直接过账；超出更多则等待仓库主管审批。`,
      more: (p) => `还有 ${p.count} 行未收：先过账本次收货，再次输入 \`/receive ${p.number}\`。`,
      received: (p) => `${p.sku} · 实收（未收 ${p.open}）`,
      accepted: (p) => `${p.sku} · 合格`,
      acceptedHint: "留空：实收 − 拒收",
      rejected: (p) => `${p.sku} · 拒收`,
      reason: (p) => `${p.sku} · 拒收原因`,
      bin: (p) => `${p.sku} · 库位（仓库/库位）`,
      empty: "请至少填写一行的实收数量。",
    },
  },
};
