import type { ImportKind } from "../domain/import/report.ts";

// English for the company's data as a whole: CSV imports and the ledger check.
export const enData = {
  importCsv: {
    title: "Import CSV",
    submit: "Import",
    close: "Cancel",
    done: "Close",
    kinds: {
      items: "items",
      stock: "opening stock",
      suppliers: "suppliers",
      customers: "customers",
      bins: "warehouses and bins",
      supplier_items: "supplier items and prices",
    } satisfies Record<ImportKind, string>,
    intro: (p: { kind: string; columns: string }) =>
      `Upload a CSV file of *${p.kind}* with the columns \`${p.columns}\`. UTF-8 and GBK/GB18030 (Excel on Chinese Windows) are both fine. Every row is checked first: one bad row and nothing is imported, unless you tick the box below.`,
    fileLabel: "CSV file",
    skipBad: "Skip bad rows and import the good ones",
    optionsLabel: "Options",
    usage:
      "Usage: `/jxc import items`, `/jxc import stock`, `/jxc import suppliers`, `/jxc import customers`, `/jxc import bins` or `/jxc import supplier_items`",
    noFile: "Choose a CSV file to import.",
    working: (p: { name: string }) =>
      `Importing \`${p.name}\`… the result will appear here and in a direct message.`,
    imported: (p: { kind: string; name: string }) =>
      `:white_check_mark: Imported ${p.kind} from \`${p.name}\``,
    failed: (p: { kind: string; name: string }) =>
      `:x: Nothing was imported from \`${p.name}\` (${p.kind}): fix these rows and upload again.`,
    summary: (p: {
      rows: number;
      created: number;
      updated: number;
      unchanged: number;
      skipped: number;
      encoding: string;
    }) =>
      `${p.rows} rows · ${p.created} created · ${p.updated} updated · ${p.unchanged} unchanged · ${p.skipped} skipped · read as ${p.encoding}`,
    createdPlaces: (p: { warehouses: string; bins: string }) =>
      `New warehouses: ${p.warehouses || "none"} · new bins: ${p.bins || "none"}`,
    rowError: (p: { row: number; column: string; message: string }) =>
      `• Row ${p.row}${p.column ? `, ${p.column}` : ""}: ${p.message}`,
    moreErrors: (p: { count: number }) => `…and ${p.count} more`,
  },
  check: {
    allAgree: ":white_check_mark: Every stock balance and item valuation agrees with the ledger.",
    differences: (p: { count: number }) => `:x: ${p.count} differences between the ledger and the balances:`,
    balanceLine: (p: {
      itemId: number;
      locationId: number;
      lotKey: number;
      ledgerOnHand: number;
      balanceOnHand: number;
    }) =>
      `• item ${p.itemId} at location ${p.locationId}${p.lotKey ? ` lot ${p.lotKey}` : ""}: ledger ${p.ledgerOnHand}, balance ${p.balanceOnHand}`,
    valuationLine: (p: {
      itemId: number;
      ledgerQty: number;
      ledgerValue: number;
      storedQty: number;
      storedValue: number;
    }) =>
      `• item ${p.itemId} valuation: ledger ${p.ledgerQty} / ${p.ledgerValue}, stored ${p.storedQty} / ${p.storedValue}`,
    more: (p: { count: number }) => `…and ${p.count} more`,
  },
};
