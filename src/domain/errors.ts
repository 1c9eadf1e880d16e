/**
 * The closed set of business error codes. Every code has a friendly message in
 * each language (src/i18n), so a new code cannot ship without its text.
 */
export const errorCodes = [
  "NOT_ALLOWED",
  "NOT_FOUND",
  "INVALID_INPUT",
  "UNKNOWN_SUBCOMMAND",
  "UNSUPPORTED_LANGUAGE",
  "CONFLICT",
  "INSUFFICIENT_STOCK",
  "UNKNOWN_ITEM",
  "UNKNOWN_WAREHOUSE",
  "UNKNOWN_LOCATION",
  "UNKNOWN_USER",
  "UNKNOWN_ROLE",
  "INVALID_QUANTITY",
  "INVALID_MONEY",
  "DUPLICATE",
  "LAST_ADMIN",
  "ALREADY_DECIDED",
  "STALE_ACTION",
  "SELF_APPROVAL",
  "POLICY_ORDER",
  "UNKNOWN_DEPARTMENT",
  "CHANNEL_MENTION_NEEDED",
  "UNKNOWN_EVENT_TYPE",
  "UNKNOWN_ROUTE_TARGET",
  "UNKNOWN_SUPPLIER",
  "ILLEGAL_TRANSITION",
  "OVER_RECEIPT",
  "UNKNOWN_ZONE",
  "NOTHING_TO_COUNT",
  "COUNT_OVERLAP",
  "STOCKTAKE_CLOSED",
  "UNCOUNTED_LINES",
  "NOTHING_COUNTED",
  "OUTSIDE_COUNT",
  "REJECTS_LEFT",
  "REPLACEMENT_NOT_EXPECTED",
  "ORDER_TERMS",
  "INSUFFICIENT_STOCK_COUNTING",
  "RECEIPT_WAITING",
  "RECEIPT_OVERTAKEN",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Why an input was refused; a code, so each language can say it its own way. */
export const inputProblems = [
  "not_a_number",
  "zero",
  "negative",
  "fractional",
  "too_large",
  "too_many_decimals",
  "unknown_unit",
  "empty",
  "too_long",
  "incomplete",
  "not_a_date",
  "no_such_day",
  "in_the_past",
  "ends_before_start",
  "mismatch",
] as const;

export type InputProblem = (typeof inputProblems)[number];

/** Values interpolated into the error's message, e.g. { role: "purchasing_manager" }; `problem` is an InputProblem. */
export type ErrorParams = Record<string, string | number>;

/** The one error type the domain throws; the Slack layer maps it to text in one place. */
export class JxcError extends Error {
  override name = "JxcError";
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    /** Which input it concerns, so a modal can show it beside the field. */
    readonly field?: string,
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ""}`);
  }
}

export function isJxcError(error: unknown): error is JxcError {
  return error instanceof JxcError;
}
