/**
 * Spreadsheet formula injection guard. A text cell starting with = + - @ is
 * run as a formula by Excel, so exports write it with a leading apostrophe
 * (Excel's own "this is text" mark) and imports remove that mark again, which
 * keeps export → import exact.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** The cell as exports write it: text that Excel would run as a formula gets a leading apostrophe. */
export function guardCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/** The cell as imports read it: without our apostrophe, and without Excel's ="0123" wrapper for digits. */
export function unguardCell(value: string): string {
  if (value.startsWith("'") && formulaStart.test(value.slice(1))) return value.slice(1);
  const wrapped = /^="(.*)"$/s.exec(value);
  return wrapped ? (wrapped[1] ?? "") : value;
}
