import { JxcError } from "../errors.ts";

/** Longest code (SKU, supplier, customer, warehouse, bin) we store: long enough for any real scheme. */
export const maxCodeLength = 64;
/** Longest free text (names, contacts) we store. */
export const maxTextLength = 200;

/** Trims a required text field, refusing it empty or too long (the error names the field for modals and imports). */
export function requireText(value: string, field: string, max = maxTextLength): string {
  const text = value.trim();
  if (text === "") throw new JxcError("INVALID_INPUT", { input: value, problem: "empty" }, field);
  if (text.length > max) throw new JxcError("INVALID_INPUT", { input: value, problem: "too_long" }, field);
  return text;
}

/** Trims an optional text field; blank becomes null (cleared), undefined stays "leave as is". */
export function optionalText(
  value: string | null | undefined,
  field: string,
  max = maxTextLength,
): string | null | undefined {
  if (value === undefined || value === null) return value;
  const text = value.trim();
  if (text === "") return null;
  if (text.length > max) throw new JxcError("INVALID_INPUT", { input: value, problem: "too_long" }, field);
  return text;
}

/** Checks a whole number of days, units or minor units: integer, not negative, within `max`. */
export function optionalWholeNumber(
  value: number | null | undefined,
  field: string,
  max: number,
): number | null | undefined {
  if (value === undefined || value === null) return value;
  const problem = !Number.isInteger(value)
    ? "fractional"
    : value < 0
      ? "negative"
      : value > max
        ? "too_large"
        : undefined;
  if (problem) throw new JxcError("INVALID_INPUT", { input: String(value), problem }, field);
  return value;
}
