import type { ErrorParams, InputProblem } from "../domain/errors.ts";
import { type EventType, eventTypes } from "../domain/events.ts";
import type { PurchaseOrderStatus } from "../domain/purchasing/states.ts";
import { type Role, roles } from "../domain/roles.ts";
import { type Department, departments } from "../domain/routing/departments.ts";
import type { Catalog } from "./en.ts";
import { roleList } from "./role-list.ts";
import { zhAdmin } from "./zh-cn-admin.ts";
import { zhApprovals } from "./zh-cn-approvals.ts";
import { zhCount, zhCountErrors, zhCountEvents } from "./zh-cn-count.ts";
import { zhData } from "./zh-cn-data.ts";
import { zhLowStock } from "./zh-cn-low-stock.ts";
import { zhPlan } from "./zh-cn-plan.ts";
import { zhPoActionNames, zhPoStatusNames, zhPurchasing } from "./zh-cn-purchasing.ts";
import { zhReceiving, zhReceivingErrors } from "./zh-cn-receiving.ts";
import { zhReturns } from "./zh-cn-returns.ts";
import { zhSlotting } from "./zh-cn-slotting.ts";
import { zhSuppliers } from "./zh-cn-suppliers.ts";

const problems: Record<InputProblem, string> = {
  not_a_number: "不是数字",
  zero: "必须大于零",
  negative: "不能为负数",
  fractional: "该单位只能是整数",
  too_large: "数值过大",
  too_many_decimals: "小数位数超过货币精度",
  unknown_unit: "该商品没有这个单位",
  empty: "不能为空",
  too_long: "内容过长",
  incomplete: "金额和角色需同时填写或同时留空",
  not_a_date: "无法识别为日期（可以输入 2026-12-05、12月5日、下周五、月底 或 next friday）",
  no_such_day: "日历上没有这一天",
  in_the_past: "该日期已经过去",
  ends_before_start: "结束日期早于开始日期",
  mismatch: "合格数 + 拒收数 必须等于实收数",
};
const roleNames: Record<Role, string> = {
  admin: "管理员",
  purchasing_clerk: "采购员",
  purchasing_manager: "采购经理",
  warehouse_keeper: "仓管员",
  warehouse_supervisor: "仓库主管",
  salesperson: "销售员",
  sales_manager: "销售经理",
  accountant: "会计",
  finance_supervisor: "财务主管",
};
const departmentNames: Record<Department, string> = {
  purchasing: "采购",
  warehouse: "仓库",
  sales: "销售",
  finance: "财务",
};
const eventNames: Record<EventType, string> = {
  "approval.requested": "单据提交审批",
  "approval.step_opened": "审批转到下一位审批人",
  "approval.step_approved": "审批的一级已通过",
  "approval.approved": "单据审批通过",
  "approval.rejected": "单据被驳回",
  "approval.cancelled": "审批申请已撤回",
  "approval.reminder": "审批等待过久",
  "approval.escalated": "等待中的审批已升级",
  "adjustment.posted": "库存调整已记账",
  "po.created": "采购订单已创建",
  "po.sent": "采购订单已发送给供应商",
  "po.held": "采购订单已暂停",
  "po.resumed": "暂停的采购订单已恢复",
  "po.cancelled": "采购订单已取消",
  "po.closed": "采购订单已关闭",
  "po.received": "采购订单已收货",
  "po.late": "采购订单已过预计交货日",
  "purchase_plan.ready": "每周采购计划已生成",
  ...zhCountEvents,
  "receipt.awaiting_approval": "超出容差的收货待审批",
  "receipt.refused": "超出容差的收货已被拒收",
  "receipt.decided": "采购已决定拒收货物的处理方式",
  "low_stock.alert": "商品预计库存降到再订货点",
  "low_stock.changed": "低库存提醒已起草采购单、暂缓或已补货（改写原消息）",
  "low_stock.digest": "每日早间低库存汇总（开启后）",
};
const codes = (values: readonly string[]) => values.map((v) => `\`${v}\``).join("、");
const why = (p: ErrorParams) =>
  typeof p.problem === "string" && p.problem in problems ? `：${problems[p.problem as InputProblem]}` : "";
// A rejected-goods decision named in "already decided" (approvals pass a verdict instead, not shown).
const decisionName = (p: ErrorParams, names: Record<string, string>, lead: string) =>
  typeof p.decision === "string" && p.decision in names ? `${lead}${names[p.decision]}` : "";

/** 简体中文; typed against the English catalogue so no message can be missing. */
export const zhCN: Catalog = {
  errors: {
    NOT_ALLOWED: (p) =>
      p.roles === "any"
        ? "您还没有 jxc 角色，请联系管理员为您分配（`/jxc role @您 add <角色>`）。"
        : `您没有权限执行此操作${p.roles ? `（需要以下角色之一：${roleList(p.roles, roleNames)}）` : ""}。`,
    NOT_FOUND: (p) => `未找到${p.what ? ` ${p.what}` : "相关内容"}。`,
    INVALID_INPUT: (p) => `输入无效${why(p)}。`,
    UNKNOWN_SUBCOMMAND: (p) => `未知命令 \`${p.input}\`。`,
    UNSUPPORTED_LANGUAGE: (p) => `jxc 不支持 \`${p.input}\`，请使用 \`en\` 或 \`zh\`。`,
    CONFLICT: () => "有人同时修改了此内容，请重试。",
    INSUFFICIENT_STOCK: (p) =>
      `库存不足${p.sku ? `：${p.sku}` : ""}${p.available !== undefined ? `，可用 ${p.available}` : ""}${p.requested !== undefined ? `，需要 ${p.requested}` : ""}。`,
    UNKNOWN_ITEM: (p) =>
      `没有与 \`${p.query}\` 匹配的商品${p.suggestions ? `。您是否要找：${p.suggestions}？` : "。"}`,
    UNKNOWN_WAREHOUSE: (p) => `没有仓库 \`${p.code}\`${p.known ? `。现有仓库：${p.known}` : "。"}`,
    UNKNOWN_LOCATION: (p) => `仓库 ${p.warehouse} 中没有库位 \`${p.code}\`。`,
    UNKNOWN_USER: (p) => `\`${p.input}\` 不是 Slack 用户，请用 @ 提及，例如 @alice。`,
    UNKNOWN_ROLE: (p) => `\`${p.input}\` 不是有效角色。角色：${p.known}`,
    INVALID_QUANTITY: (p) => `\`${p.input}\` 不是有效数量${why(p)}。`,
    INVALID_MONEY: (p) => `\`${p.input}\` 不是有效金额${why(p)}。`,
    LAST_ADMIN: () => "这样将没有任何管理员。请先指定其他管理员。",
    DUPLICATE: (p) => `${p.what} \`${p.key}\` 已存在。`,
    ALREADY_DECIDED: (p) =>
      `已处理${p.by ? `（由 <@${p.by}> 决定）` : ""}${decisionName(p, zhReturns.returns.decisionNames, "：")}。`,
    STALE_ACTION: () => "此消息已过期，未做任何更改。",
    SELF_APPROVAL: (p): string =>
      p.part === "excluded"
        ? "您参与了此申请所涉及的工作，不能审批，将由其他审批人决定。"
        : "不能审批自己提交的申请，将由其他审批人决定。",
    POLICY_ORDER: (p) =>
      p.tier === 0 ? "升级时间必须晚于提醒时间。" : `第 ${p.tier} 级的起始金额必须高于上一级。`,
    UNKNOWN_DEPARTMENT: (p) =>
      `\`${p.input}\` 不是部门。部门：${codes(Object.values(departmentNames))}（或 ${codes(departments)}）。`,
    CHANNEL_MENTION_NEEDED: (p) =>
      p.input
        ? `\`${p.input}\` 是以纯文本发送的，没有频道 ID。请输入 # 并从 Slack 的列表中选择频道，使其变成链接，例如 \`/jxc channel 仓库 #warehouse\`。`
        : "请指定频道：输入 # 并从 Slack 的列表中选择，例如 `/jxc channel 仓库 #warehouse`。",
    UNKNOWN_EVENT_TYPE: (p) => `\`${p.input}\` 不是事件类型。事件类型：${codes(eventTypes)}。`,
    UNKNOWN_ROUTE_TARGET: (p) =>
      `\`${p.input}\` 不是有效的通知对象。可用：\`owner\`（申请人）、\`role:<角色>\`（角色：${codes(roles)}）或 \`channel:<部门>\`（部门：${codes(departments)}）。`,
    UNKNOWN_SUPPLIER: (p) =>
      `没有供应商匹配 \`${p.query}\`${p.suggestions ? `。你是不是要找 ${p.suggestions}？` : "。"}可用 \`/supplier add\` 新建。`,
    ILLEGAL_TRANSITION: (p) =>
      `${p.number} 当前${p.status ? (zhPoStatusNames[p.status as PurchaseOrderStatus] ?? p.status) : "处于其他状态"}，不能${zhPoActionNames[p.action as keyof typeof zhPoActionNames] ?? p.action}；未作任何更改。`,
    OVER_RECEIPT: (p) =>
      `${p.sku}：订购 ${p.ordered}，已验收 ${p.already}；最多还能验收 ${p.most}（超收容差 ${p.pct}%）。未做任何更改：请最多接收该数量，其余退货。`,
    REJECTS_LEFT: (p) => `${p.receipt} 的 ${p.sku} 只剩 ${p.left} 待处理（其余已由他人处理）；未做任何更改。`,
    REPLACEMENT_NOT_EXPECTED: (p) =>
      p.owed === 0
        ? `${p.number} 已不再等待 ${p.sku}（已收齐或已关闭），换货无法再按此订单收货：请选择退货或让步接收。`
        : `${p.number} 只还差 ${p.owed} ${p.sku}，无法换货 ${p.qty}：其余请退货或让步接收。`,
    ...zhCountErrors,
    ORDER_TERMS: (p) =>
      p.rule === "moq"
        ? `${p.sku}：${p.qty} 低于 ${p.supplier} 的最小起订量 ${p.limit}；请至少订 ${p.suggestion}，或修改供应商条款（\`/supplier ${p.supplier}\` → 物料与价格）。`
        : `${p.sku}：${p.qty} 不是 ${p.supplier} 包装量 ${p.limit} 的整数倍；可改为 ${p.suggestion}，或修改供应商条款（\`/supplier ${p.supplier}\` → 物料与价格）。`,
    ...zhReceivingErrors(roleNames),
  },
  problems,
  roleNames,
  departmentNames,
  eventNames,
  generic: {
    unexpected: (p) => `系统出错，未做任何更改。请重试；如果问题持续，请把此编号告诉管理员：\`${p.ref}\`。`,
  },
  help: {
    title: "jxc — 进销存",
    intro: "您可以使用以下命令，在任意频道或私信中输入即可。",
    didYouMean: (p) => `无法识别 \`${p.input}\`。您是想输入 \`${p.suggestion}\` 吗？`,
    unknown: (p) => `无法识别 \`${p.input}\`。`,
    noRole: "_您还没有 jxc 角色，因此大部分命令未显示。请联系管理员为您分配角色。_",
    footer: "语言：`/jxc lang en` · `/jxc lang zh`",
  },
  commands: {
    stock: "查询库存：按仓库和库位显示在库、预留和可用数量",
    adjust: "登记损坏、丢失或盘盈的库存；金额较大的调整需仓库主管审批",
    move: "在库位或仓库之间移库（金额随之转移）",
    approve: "等待你审批的事项，可直接批准或驳回",
    "jxc delegate": "外出期间请他人代你审批，例如 `下周`",
    "jxc policy": "审批规则：谁审批、从多少金额起、多久提醒（管理员）",
    "jxc roles": "查看各角色成员",
    "jxc role": "分配或取消角色（管理员）",
    "jxc import": "导入商品、期初库存、供应商、客户、库位或供应商价格 CSV 文件（管理员）",
    "jxc check": "根据库存流水重新核对库存余额并报告差异",
    "jxc channel": "查看各部门的通知频道",
    "jxc channel set": "设置部门的通知频道（管理员）",
    "jxc route": "查看每类事件通知谁",
    "jxc route edit": "修改某类事件的通知对象，或恢复默认（管理员）",
    po: "采购订单：打开表单，或一行输入如 `/po ACME 100 SKU-1 @ 2.50 到 下周五`；按金额审批",
    "po plan": "采购计划：根据库存、在途订单和最近 90 天出库，建议向谁买、买多少及原因",
    "po show": "查看采购订单的全部条款，以及你可以进行的操作",
    receive: "按已发送的采购订单收货：验收、注明拒收原因、上架到库位",
    supplier: "查看供应商：联系人、付款条件、交货周期、质量备注、物料与价格、最近的采购订单",
    "supplier edit": "新建、编辑或归档供应商；在供应商卡片上设置物料的价格、起订量和包装量",
    "supplier items": "供应商价目表上的全部物料，含起订量、包装量和交货周期",
    "supplier score": "供应商评分：准时交货、质量合格率、价格偏差和合同履约，例如 `上个月`",
    "po plan settings": "采购计划的需求窗口和补货周期（采购经理可修改）",
    "jxc budget": "采购审批卡片上显示的月度采购预算（管理员、财务主管）",
    "jxc help": "显示本帮助",
    "jxc lang": "选择语言：`en`（English）或 `zh`（简体中文）",
    "jxc outbox": "查看本应用消息的发送情况，重试发送失败的消息（管理员）",
    count: "盘点：对整个仓库、库区、库位或物料发起盲盘；查看进行中的盘点",
    "count work": "用表单录入盘点并完成：小额差异直接过账，大额差异等待仓库主管审批",
    "jxc lowstock": "当前处于再订货点或以下的商品，以及提醒方式",
    "jxc lowstock digest": "改为每天早上一份低库存汇总，或恢复单条提醒（管理员）",
    "jxc slotting": "建议调整库位，让周转最快的商品离门最近，每条附“移库”按钮",
  },
  stock: {
    onHand: "在库",
    reserved: "预留",
    available: "可用",
    onOrder: "在途",
    value: "库存金额",
    averageCost: "平均成本",
    lowStock: (p) => `:warning: *库存不足* — 已低于或等于再订货点 ${p.reorderPoint}`,
    byLocation: "按仓库和库位",
    nothingStocked: "_所有库位均无库存。_",
    moreBins: (p) => `……另有 ${p.count} 个库位`,
    share: "分享到频道",
    sharedBy: (p) => `由 <@${p.user}> 分享`,
    matches: (p) => `共有 ${p.total} 个商品匹配 \`${p.query}\`（显示第 ${p.from}–${p.to} 个）`,
    details: "详情",
    previous: "◀ 上一页",
    next: "下一页 ▶",
    noMatch: (p) => `没有与 \`${p.query}\` 匹配的商品。`,
    suggestions: "您是否要找：",
    inWarehouse: (p) => `仓库 ${p.warehouse}`,
  },
  pickers: {
    item: "搜索编码、条码或名称",
  },
  roles: {
    title: "角色",
    nobody: "_暂无_",
    granted: (p) => `已完成：<@${p.user}> 现在是${p.role}。`,
    alreadyHas: (p) => `<@${p.user}> 已经是${p.role}，未做更改。`,
    revoked: (p) => `已完成：<@${p.user}> 不再是${p.role}。`,
    didNotHave: (p) => `<@${p.user}> 原本不是${p.role}，未做更改。`,
    usage: "用法：`/jxc role @用户 add <角色>` 或 `/jxc role @用户 remove <角色>`",
  },
  ...zhApprovals,
  ...zhData,
  ...zhAdmin,
  ...zhPurchasing,
  ...zhReceiving,
  ...zhPlan,
  ...zhCount,
  ...zhReturns,
  ...zhLowStock,
  ...zhSlotting,
  ...zhSuppliers,
  lang: {
    changed: "好的，jxc 以后将用简体中文与您交流。",
    usage: "用法：`/jxc lang en` 或 `/jxc lang zh`",
  },
};
