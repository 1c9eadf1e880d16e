// The demo suppliers' terms per item, as the supplier_items file an admin would import: each
// item's price from its supplier (the table's unit cost), its pack (the box it comes in) and a
// minimum order where a wholesaler would set one.
import type { CsvRecord, DemoItem } from "./demo-csv.ts";

/** Lead times the suppliers quote for particular items, beating their usual one. */
const itemLeadTimes: Record<string, number> = { "TL-DRL-SET": 14, "SF-HARNESS": 12, "EL-WIRE-2.5": 7 };

/**
 * One row per item of the demo: HXF sells fasteners in whole boxes, at least 10 boxes (bolts 5);
 * ABS sells gloves by the dozen, at least 10 dozen; everyone packs what comes in boxes. One price
 * rises from `nextPriceDay`, so the list shows a dated price.
 */
export function demoSupplierItemRecords(items: readonly DemoItem[], nextPriceDay: string): CsvRecord[] {
  const rows: CsvRecord[] = [];
  for (const item of items) {
    const boxes = item.supplier === "HXF" ? (item.sku.startsWith("BLT-") ? 5 : 10) : 0;
    const moq =
      boxes > 0 && item.factor > 1
        ? String(boxes * item.factor)
        : item.supplier === "ABS" && item.sku.startsWith("SF-GLV")
          ? "120"
          : "";
    const row: CsvRecord = {
      supplier: item.supplier,
      sku: item.sku,
      price: item.cost,
      moq,
      pack_size: item.factor > 1 ? String(item.factor) : "",
      supplier_sku: `${item.supplier}-${item.sku}`,
      lead_time_days: String(itemLeadTimes[item.sku] ?? ""),
      valid_from: "",
    };
    rows.push(row);
    if (item.sku === "SF-GLV-NIT") rows.push({ ...row, price: "2.95", valid_from: nextPriceDay });
  }
  return rows;
}
