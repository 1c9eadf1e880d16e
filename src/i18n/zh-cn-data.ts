import type { enData } from "./en-data.ts";

// 整体数据类文案：CSV 导入与账实核对。
export const zhData: typeof enData = {
  importCsv: {
    title: "导入 CSV",
    submit: "导入",
    close: "取消",
    done: "关闭",
    kinds: {
      items: "商品",
      stock: "期初库存",
      suppliers: "供应商",
      customers: "客户",
      bins: "仓库和库位",
      supplier_items: "供应商物料与价格",
    },
    intro: (p) =>
      `请上传包含以下列的*${p.kind}* CSV 文件：\`${p.columns}\`。支持 UTF-8 和 GBK/GB18030（中文版 Excel 保存的格式）。所有行都会先检查：只要有一行有误就不会导入任何数据，除非勾选下面的选项。`,
    fileLabel: "CSV 文件",
    skipBad: "跳过有误的行，只导入正确的行",
    optionsLabel: "选项",
    usage:
      "用法：`/jxc import items`、`/jxc import stock`、`/jxc import suppliers`、`/jxc import customers`、`/jxc import bins` 或 `/jxc import supplier_items`",
    noFile: "请选择要导入的 CSV 文件。",
    working: (p) => `正在导入 \`${p.name}\`……结果将显示在这里并通过私信发送给您。`,
    imported: (p) => `:white_check_mark: 已从 \`${p.name}\` 导入${p.kind}`,
    failed: (p) => `:x: 未从 \`${p.name}\` 导入任何${p.kind}：请修正以下各行后重新上传。`,
    summary: (p) =>
      `共 ${p.rows} 行 · 新建 ${p.created} · 更新 ${p.updated} · 未变 ${p.unchanged} · 跳过 ${p.skipped} · 编码 ${p.encoding}`,
    createdPlaces: (p) => `新建仓库：${p.warehouses || "无"} · 新建库位：${p.bins || "无"}`,
    rowError: (p) => `• 第 ${p.row} 行${p.column ? `，${p.column}` : ""}：${p.message}`,
    moreErrors: (p) => `……另有 ${p.count} 处`,
  },
  check: {
    allAgree: ":white_check_mark: 所有库存余额和商品估值均与库存流水一致。",
    differences: (p) => `:x: 库存流水与余额之间有 ${p.count} 处差异：`,
    balanceLine: (p) =>
      `• 商品 ${p.itemId} 库位 ${p.locationId}${p.lotKey ? ` 批次 ${p.lotKey}` : ""}：流水 ${p.ledgerOnHand}，余额 ${p.balanceOnHand}`,
    valuationLine: (p) =>
      `• 商品 ${p.itemId} 估值：流水 ${p.ledgerQty} / ${p.ledgerValue}，记录 ${p.storedQty} / ${p.storedValue}`,
    more: (p) => `……另有 ${p.count} 处`,
  },
};
