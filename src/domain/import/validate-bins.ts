import type { BinDetails } from "../catalogue/bin-details.ts";
import { maxCodeLength, requireText } from "../catalogue/validate.ts";
import { JxcError } from "../errors.ts";
import { RowReader } from "./cells.ts";
import { type RowValidator, type Validation, ValidationCollector } from "./run.ts";
import type { CsvRow } from "./table.ts";

/** One line of a bins file: a warehouse, one of its bins, and what is known about them. */
export interface BinLineInput extends BinDetails {
  warehouse: string;
  bin: string;
}

const maxRank = 100_000;
const maxCapacity = 1_000_000_000;

/** Checks every row of a bins file: codes present, rank and capacity whole numbers, no bin twice. */
export class BinRowValidator implements RowValidator<BinLineInput> {
  private readonly collector = new ValidationCollector<BinLineInput>();
  private readonly seen = new Map<string, number>();

  get result(): Validation<BinLineInput> {
    return this.collector.result;
  }

  add(source: CsvRow): void {
    const cells = new RowReader(source);
    const warehouse = cells.attempt("warehouse", () =>
      requireText(cells.raw("warehouse"), "warehouse", maxCodeLength),
    );
    const bin = cells.attempt("bin", () => requireText(cells.raw("bin"), "bin", maxCodeLength));
    const line: BinLineInput | undefined =
      warehouse === undefined || bin === undefined
        ? undefined
        : {
            warehouse,
            bin,
            // A warehouse spans many rows; a blank name on one of them leaves the name as it is.
            warehouseName: cells.text("warehouse_name") ?? undefined,
            warehouseNameZh: cells.text("warehouse_name_zh") ?? undefined,
            zone: cells.text("zone"),
            rank: cells.wholeNumber("rank", maxRank),
            capacity: cells.wholeNumber("capacity", maxCapacity),
          };
    if (line) {
      const key = `${line.warehouse}\u0000${line.bin}`.toLowerCase();
      const firstRow = this.seen.get(key);
      if (firstRow === undefined) this.seen.set(key, cells.row);
      else
        cells.fail(
          "bin",
          new JxcError("DUPLICATE", { what: "bin", key: `${line.warehouse}/${line.bin}`, row: firstRow }),
        );
    }
    this.collector.add(cells.row, cells.errors, line);
  }
}
