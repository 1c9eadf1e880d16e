import type { Tx } from "../stock/types.ts";
import type { CountAccuracy } from "./accuracy.ts";
import { readStocktake, readVarianceLines } from "./reads.ts";

/** The biggest waiting variances an approval card lists; the rest are counted, not listed. */
export const summaryLines = 8;

/**
 * What the supervisor's card shows, frozen when approval is asked: the count, its accuracy,
 * how many lines wait and their value, and the largest of them.
 */
export function approvalSummary(
  tx: Tx,
  stocktakeId: number,
  figures: CountAccuracy & { waiting: { lines: number; value: number } },
): Record<string, unknown> {
  const header = readStocktake(tx, stocktakeId);
  const lines = readVarianceLines(tx, stocktakeId, { posting: "pending", limit: summaryLines });
  return {
    warehouse: header?.warehouseCode ?? "",
    scope: header?.scope ?? "warehouse",
    scopeLabel: header?.scopeLabel ?? "",
    linesCounted: figures.linesCounted,
    lineAccuracyBp: figures.lineAccuracyBp,
    valueAccuracyBp: figures.valueAccuracyBp,
    waitingLines: figures.waiting.lines,
    waitingValue: figures.waiting.value,
    lines: lines.map((line) => ({
      bin: line.bin,
      sku: line.sku,
      name: line.name,
      nameZh: line.nameZh,
      unit: line.unit,
      expected: line.expectedQty,
      counted: line.countedQty,
      variance: line.varianceQty,
      value: line.varianceValue,
    })),
  };
}
