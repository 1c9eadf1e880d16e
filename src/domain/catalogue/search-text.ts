/** Separates the fields of an item's search text; a gram never spans it, so matches stay inside one field. */
export const fieldSeparator = "\n";
/** Pseudo-character before a field's first character, so "field starts with x" has its own posting list. */
export const fieldMarker = 10;
/** Pseudo-character before the SKU's first character (the start of the text), for "SKU starts with x". */
export const startMarker = 1;

const asciiOnly = /^[\x20-\x7e]*$/;
const needsBlankCleanup = /[^\S ]| {2}|^ | $|\p{Cc}/u;

/**
 * The form both item text and queries are compared in: NFKC (full-width
 * letters and digits become ASCII), lower case, runs of blanks as one space.
 * Plain ASCII skips NFKC, which is most of the cost when building 100k texts.
 */
export function normaliseSearchText(text: string): string {
  let result = asciiOnly.test(text) ? text.toLowerCase() : text.normalize("NFKC").toLowerCase();
  if (needsBlankCleanup.test(result)) result = result.replace(/[\s\p{Cc}]+/gu, " ").trim();
  return result;
}

/** One item's searchable text: the SKU first (ranking looks there), then names and aliases. */
export function composeItemText(
  sku: string,
  name: string,
  nameZh: string | null,
  aliases: readonly string[],
): string {
  const fields = [normaliseSearchText(sku), normaliseSearchText(name)];
  if (nameZh) fields.push(normaliseSearchText(nameZh));
  for (const alias of aliases) fields.push(normaliseSearchText(alias));
  // join() yields one flat string; "+=" would leave a rope that every later `includes` walks through.
  return fields.join(fieldSeparator);
}

/** Words of a text (split at spaces, field breaks and punctuation), for typo suggestions. */
export function splitWords(text: string): string[] {
  return text.split(/[\s\-_/\\.,;:()（）【】[\]，。、·]+/u).filter((word) => word.length > 1);
}
