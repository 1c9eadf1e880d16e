import type { ItemSummary } from "./item-row.ts";

/** One row of the index build's item read, in the order of the documents (ids are the snapshot's). */
export type SummaryFields = Omit<ItemSummary, "id" | "archived">;

/**
 * What a list of matches shows of each indexed item (SKU, names, unit,
 * reorder point), packed into one string per field and typed arrays: reading a
 * page of ten from the items table cost ≈ 16 µs of the ≈ 28 the page took, and
 * 400k small strings would cost ≈ 20 MB of heap where this is ≈ 6 MB at 100k
 * items. It is built with the index, whose rebuilds follow every change to items.
 */
export class PackedSummaries {
  private constructor(
    private readonly skus: PackedStrings,
    private readonly names: PackedStrings,
    private readonly namesZh: PackedStrings,
    private readonly units: PackedStrings,
    /** NaN where an item has none. */
    private readonly reorderPoints: Float64Array,
  ) {}

  static pack(rows: readonly SummaryFields[]): PackedSummaries {
    return new PackedSummaries(
      PackedStrings.pack(rows.map((row) => row.sku)),
      PackedStrings.pack(rows.map((row) => row.name)),
      PackedStrings.pack(rows.map((row) => row.nameZh)),
      PackedStrings.pack(rows.map((row) => row.baseUnit)),
      Float64Array.from(rows, (row) => row.reorderPoint ?? Number.NaN),
    );
  }

  /** The summary of document `doc`, item `id` (indexed items are never archived). */
  summaryOf(doc: number, id: number): ItemSummary {
    const reorderPoint = this.reorderPoints[doc] ?? Number.NaN;
    return {
      id,
      sku: this.skus.get(doc) ?? "",
      name: this.names.get(doc) ?? "",
      nameZh: this.namesZh.get(doc),
      baseUnit: this.units.get(doc) ?? "",
      reorderPoint: Number.isNaN(reorderPoint) ? null : reorderPoint,
      archived: false,
    };
  }
}

/** Strings end to end in one string, with where each starts; null kept apart from "". */
class PackedStrings {
  private constructor(
    private readonly joined: string,
    private readonly starts: Int32Array,
    private readonly nulls: Uint8Array,
  ) {}

  static pack(values: readonly (string | null)[]): PackedStrings {
    const starts = new Int32Array(values.length + 1);
    const nulls = new Uint8Array(values.length);
    values.forEach((value, i) => {
      starts[i + 1] = (starts[i] ?? 0) + (value?.length ?? 0);
      if (value === null) nulls[i] = 1;
    });
    return new PackedStrings(values.join(""), starts, nulls);
  }

  get(i: number): string | null {
    if (this.nulls[i] === 1) return null;
    return this.joined.slice(this.starts[i] ?? 0, this.starts[i + 1] ?? 0);
  }
}
