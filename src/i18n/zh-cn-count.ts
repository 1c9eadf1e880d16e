import type { StocktakeStatus } from "../../db/tables/stocktakes.ts";
import type { ErrorParams } from "../domain/errors.ts";
import type { enCount, enCountErrors, enCountEvents } from "./en-count.ts";

// 盘点（/count）的中文文案。

const statusWords: Record<StocktakeStatus, string> = {
  counting: "正在盘点",
  pending_approval: "等待审批",
  posted: "已过账",
  rejected: "已关闭（大额差异被驳回）",
  cancelled: "已取消",
};

export const zhCountErrors: typeof enCountErrors = {
  UNKNOWN_ZONE: (p: ErrorParams) =>
    p.known
      ? `仓库 ${p.warehouse} 没有 \`${p.zone}\` 区。现有库区：${p.known}。`
      : `仓库 ${p.warehouse} 还没有划分库区（库位的库区可通过 \`/jxc import bins\` 设置）。`,
  NOTHING_TO_COUNT: (p: ErrorParams) => `${p.what} 没有可盘点的库存；未开始盘点。`,
  COUNT_OVERLAP: (p: ErrorParams) =>
    `${p.number} 尚未结束，已在盘点 ${p.place} 的 ${p.sku}：请先完成或取消它，或盘点其他范围。未开始盘点。`,
  STOCKTAKE_CLOSED: (p: ErrorParams) =>
    `${p.number} 当前${statusWords[p.status as StocktakeStatus] ?? p.status}，不能再录入、完成或取消；未作任何更改。`,
  UNCOUNTED_LINES: (p: ErrorParams) => `${p.number} 共 ${p.total} 行，还有 ${p.uncounted} 行未盘点。`,
  OUTSIDE_COUNT: (p: ErrorParams) =>
    `${p.place} 的 ${p.sku} 不在 ${p.number} 的盘点范围（${p.kind === "zone" ? `${p.label} 区` : p.kind === "bins" ? `库位 ${p.label}` : `物料 ${p.label}`}）内：请另开一次盘点。`,
  NOTHING_COUNTED: (p: ErrorParams) =>
    `${p.number} 还没有盘点任何一行：请用 \`/count ${p.number}\` 盘点，或用 \`/count ${p.number} cancel\` 取消。`,
  INSUFFICIENT_STOCK_COUNTING: (p: ErrorParams) =>
    `${p.place} 的 ${p.sku} 库存不足 ${p.requested}；未作任何更改。${p.place} 正在盘点（${p.number}），盘点完成前不显示其数量。`,
};

export const zhCountEvents: typeof enCountEvents = {
  "stocktake.started": "开始了一次盘点",
  "stocktake.counted": "盘点录入了若干行",
  "stocktake.finished": "盘点已完成，并生成差异报告",
  "stocktake.posted": "盘点中经审批的差异已过账",
  "stocktake.cancelled": "盘点已取消",
};

export const zhCount: typeof enCount = {
  count: {
    usage:
      "用法：`/count` 列出进行中的盘点 · `/count start MAIN`（整个仓库）、`/count start MAIN zone A`（库区）、`/count start MAIN/A-01 A-02`（库位）或 `/count start MAIN SCR-M3-10 NUT-M4`（物料） · `/count CNT-000001 [库位]` 录入盘点 · `/count CNT-000001 found <物料> <数量> <库位>` 登记表中没有的物料 · `/count CNT-000001 finish` 完成 · `/count CNT-000001 cancel` 取消。",
    oneWarehouse: "一次盘点只针对一个仓库：请列出同一仓库的库位，例如 `MAIN/A-01 A-02`。",
    mixed: (p) => `\`${p.input}\` 不符合：仓库后面请只列库位或只列物料，不能混用。`,
    neither: (p) => `\`${p.input}\` 既不是物料，也不是 ${p.warehouse} 的库位。`,
    noSuchBin: (p) => `${p.number} 在库位 \`${p.bin}\` 没有盘点行。`,
    started: (p) =>
      `:clipboard: *${p.number}* 已开始：${p.scope} 共 ${p.lines} 行待盘点。完成前不显示系统数量（盲盘）。请用 \`/count ${p.number}\` 或下方按钮录入。`,
    countNow: "开始录入",
    count: "录入盘点",
    finish: "完成盘点",
    finishAnyway: "仍然完成",
    cancel: "取消盘点",
    cancelled: (p) => `*${p.number}* 已取消；未过账任何差异。`,
    foundCounted: (p) =>
      `:mag: 已在 *${p.number}* 记录 ${p.place} 的 ${p.sku} ${p.qty}（第 ${p.lineNo} 行${p.added ? "，新增到盘点表" : ""}） · 已盘 ${p.counted}/${p.total} 行。`,
    uncountedConfirm: (p) =>
      `*${p.number}* 共 ${p.total} 行，还有 ${p.uncounted} 行未盘点（第一行在库位 ${p.bin}）。现在完成的话，这些行保持原样：不做调整，也不计入准确率。可用 \`/count ${p.number} ${p.bin}\` 继续盘点，或仍然完成。`,
    noneOpen: "没有进行中的盘点。可用 `/count start <仓库>` 开始。",
    openTitle: "进行中的盘点",
    openLine: (p) => `*${p.number}* · ${p.scope} · ${p.progress} · ${p.status} · 发起人 ${p.by}`,
    progress: (p) => `已盘 ${p.counted}/${p.total} 行`,
    scope: {
      warehouse: (p) => `${p.warehouse}（全仓）`,
      zone: (p) => `${p.warehouse} ${p.label} 区`,
      bins: (p) => `${p.warehouse} 库位 ${p.label}`,
      items: (p) => `${p.warehouse} · 物料 ${p.label}`,
    },
    status: {
      counting: ":mag: 盘点中",
      pending_approval: ":hourglass: 待审批",
      posted: ":white_check_mark: 已过账",
      rejected: ":x: 大额差异被驳回，未过账",
      cancelled: ":heavy_minus_sign: 已取消",
    },
    posting: {
      none: "无差异",
      posted: "已过账",
      pending: "待审批",
      rejected: "被驳回，未过账",
    },
    sheet: {
      title: (p) => `盘点 ${p.number}`,
      saveNext: "保存并继续",
      save: "保存",
      close: "关闭",
      intro: (p) =>
        `*${p.number}* · ${p.scope}\n第 ${p.from}–${p.to} 行，共 ${p.total} 行 · 已盘 ${p.counted} 行。\n请清点每个库位的实物，可用物料的任一单位填写（\`12\`、\`3 box\`）；没有则填 \`0\`；未清点的行请留空。*保存* 会保存本页并显示下一页。发现表中没有的物料？\`/count ${p.number} found <物料> <数量> <库位>\`。`,
      saved: (p) => `:floppy_disk: 已保存 ${p.changed} 行 · 已盘 ${p.counted}/${p.total} 行。`,
      unitsHint: (p) => `单位：${p.units}`,
      doneTitle: "盘点已保存",
      done: (p) => `:white_check_mark: 已保存。*${p.number}* 已盘 ${p.counted}/${p.total} 行。`,
      missing: (p) =>
        `还有 ${p.uncounted} 行未盘点，第一行在库位 ${p.bin}：\`/count ${p.number} ${p.bin}\` 可直接打开。`,
      finishHint: (p) =>
        `全部盘点后，用 \`/count ${p.number} finish\` 完成（或点仓库频道中该盘点的 *完成盘点*）。`,
    },
    report: {
      title: (p) => `${p.number} · 盘点差异报告`,
      scopeLine: (p) => `${p.scope} · ${p.status} · 完成人 ${p.by}`,
      counted: "已盘",
      countedValue: (p) => `${p.counted}/${p.total} 行`,
      exact: "账实相符",
      exactValue: (p) => `${p.exact} 行（${p.pct}）`,
      valueAccuracy: "金额准确率",
      expectedValue: "账面金额",
      variance: "差异",
      varianceValue: (p) => `${p.net}（绝对值合计 ${p.gross}）`,
      posted: "已过账",
      waiting: "待审批",
      rejected: "被驳回，未过账",
      uncounted: "未盘点",
      uncountedValue: (p) => `${p.lines} 行，不做调整`,
      linesValue: (p) => `${p.lines} 行 · ${p.value}`,
      line: (p) =>
        `\`${p.bin}\` ${p.sku} ${p.name}：账面 ${p.expected}${p.moved ? `（快照 ${p.snapshot}，盘点期间变动 ${p.moved}）` : ""} · 实盘 ${p.counted} · *${p.variance}* · ${p.value} · ${p.posting}`,
      noVariance: ":tada: 所有已盘行账实相符。",
      more: (p) => `……另有 ${p.count} 行存在差异。`,
      cancelledBy: (p) => `*${p.number}* 已由 ${p.by} 取消；未过账任何差异。`,
    },
    card: {
      title: (p) => `盘点 ${p.number} · ${p.scope}`,
      startedBy: "发起人",
      progress: "进度",
      status: "状态",
      summary: (p) => `行准确率 ${p.lineAccuracy} · 金额准确率 ${p.valueAccuracy} · 差异 ${p.net}`,
    },
    thread: {
      counted: (p) => `:pencil2: ${p.by} 录入了 ${p.changed} 行 · 已盘 ${p.counted}/${p.total} 行。`,
      finished: (p) =>
        `:checkered_flag: ${p.by} 完成了盘点：已盘 ${p.counted}/${p.total} 行，账实相符 ${p.exact} 行（${p.lineAccuracy}），金额准确率 ${p.valueAccuracy}。`,
      postedAtOnce: (p) => `直接过账：${p.lines} 行，${p.value}。`,
      waiting: (p) => `待审批：${p.lines} 行，${p.value}。`,
      uncounted: (p) => `未盘点、不做调整：${p.lines} 行。`,
      posted: (p) => `:package: 经审批的差异已过账到库存流水：${p.lines} 行，${p.value}。`,
      cancelled: (p) => `:heavy_minus_sign: ${p.by} 取消了盘点；未过账任何差异。`,
    },
    approval: {
      head: (p) => `*${p.scope}* · ${p.lines} 行待审批，合计 ${p.value} · 金额准确率 ${p.accuracy}`,
      line: (p) =>
        `• \`${p.bin}\` ${p.sku} ${p.name}：账面 ${p.expected}，实盘 ${p.counted}，*${p.variance}*，${p.value}`,
      more: (p) => `_……另有 ${p.count} 行_`,
    },
  },
  stockUnderCount: {
    bin: (p) => `正在盘点（${p.number}）`,
    leftOut: (p) =>
      `:mag: 合计未包含正在盘点的 ${p.bins} 个库位（${p.counts}）：盘点为盲盘，盘点完成后才会重新显示其数量。`,
    textLeftOut: "未含正在盘点的库位",
    listLeftOut: (p) => `（未含正在盘点的 ${p.bins} 个库位）`,
  },
};
