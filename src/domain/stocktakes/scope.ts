/** A count's scope as stored: its kind and the zone, bins or SKUs it names. */
export interface CountScope {
  scope: string;
  scopeLabel: string;
}

/**
 * Whether a count's scope takes in an item at a bin of its warehouse: a whole warehouse takes in
 * every bin, a zone the bins in it now, a bin list the bins named, an items count the bins of
 * the items it has lines for (`itemOnCount`, asked only then: it costs a read).
 */
export function scopeCovers(
  count: CountScope,
  bin: { code: string; zone: string | null },
  itemOnCount: () => boolean,
): boolean {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  switch (count.scope) {
    case "zone":
      return bin.zone !== null && same(bin.zone, count.scopeLabel);
    case "bins":
      return count.scopeLabel.split(", ").some((code) => same(code, bin.code));
    case "items":
      return itemOnCount();
    default:
      return true;
  }
}
