import type { Db } from "../../../db/client.ts";

/**
 * Hashes of every item's SKU (archived ones too) and every barcode, sorted: a query whose hash is
 * absent is certainly no item's code, so a name search skips the two lookups in SQLite. A hash
 * present only says "maybe" (SQLite has the last word), which keeps 100k items at ≈ 800 KB.
 */
export type CodeFilter = Uint32Array;

export function buildCodeFilter(db: Db): CodeFilter {
  const codes = db.$client
    .prepare("select sku from items union all select barcode from item_barcodes")
    .pluck()
    .iterate() as IterableIterator<string>;
  const hashes: number[] = [];
  for (const code of codes) hashes.push(codeHash(code));
  return Uint32Array.from(hashes).sort();
}

/** Whether some item may have this SKU (compared as SQLite's NOCASE does) or barcode. */
export function mayBeCode(filter: CodeFilter, code: string): boolean {
  const hash = codeHash(code);
  let low = 0;
  let high = filter.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((filter[mid] ?? 0) < hash) low = mid + 1;
    else high = mid;
  }
  return filter[low] === hash;
}

/**
 * FNV-1a over the UTF-16 units with ASCII letters folded, as NOCASE folds them: SKUs match that
 * way, and barcodes folded the same only make "maybe" a little more frequent.
 */
function codeHash(code: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) {
    let unit = code.charCodeAt(i);
    if (unit >= 65 && unit <= 90) unit += 32;
    hash = Math.imul(hash ^ unit, 0x01000193);
  }
  return hash >>> 0;
}
