import { JxcError } from "../errors.ts";
import { maxQuantity } from "../quantity.ts";
import type { ReceivableLine } from "./open-lines.ts";
import type { ReceiptLineInput } from "./receive-goods.ts";
import { maxAcceptedQty } from "./settings.ts";

/** A keeper's line checked against its PO line. */
export interface CheckedLine {
  line: ReceiptLineInput;
  poLine: ReceivableLine;
  /** Beyond the over-receipt tolerance: the receipt waits for approval. */
  over: boolean;
}

/**
 * Checks every line of a receipt before anything is written: known PO lines once each, whole
 * quantities, accepted + rejected = received, a reason for rejects, a known bin for accepted goods.
 * Marks the lines over the tolerance (they make the receipt wait for approval).
 */
export function checkLines(
  lines: readonly ReceiptLineInput[],
  poLines: ReadonlyMap<number, ReceivableLine>,
  tolerancePct: number,
  requireBin: (locationId: number, field: string) => void,
): CheckedLine[] {
  const seen = new Set<number>();
  return lines.map((line) => {
    const field = (name: string) => `line${line.lineNo}_${name}`;
    const poLine = poLines.get(line.lineNo);
    if (!poLine || seen.has(line.lineNo)) {
      throw new JxcError("INVALID_INPUT", { input: String(line.lineNo) }, field("received"));
    }
    seen.add(line.lineNo);
    checkQuantity(line.received, field("received"), true);
    checkQuantity(line.accepted, field("accepted"), false);
    checkQuantity(line.rejected, field("rejected"), false);
    if (line.accepted + line.rejected !== line.received) {
      throw new JxcError(
        "INVALID_QUANTITY",
        { input: `${line.accepted} + ${line.rejected}`, problem: "mismatch" },
        field("accepted"),
      );
    }
    if (line.rejected > 0 && !line.rejectReason) {
      throw new JxcError("INVALID_INPUT", { problem: "empty" }, field("reason"));
    }
    if (line.accepted > 0) {
      if (line.locationId === undefined)
        throw new JxcError("INVALID_INPUT", { problem: "empty" }, field("bin"));
      requireBin(line.locationId, field("bin"));
    }
    // Returned goods count as settled: a supplier that takes goods back does not send them twice.
    const over = poLine.settled + line.accepted > maxAcceptedQty(poLine.ordered, tolerancePct);
    return { line, poLine, over };
  });
}

/** Refuses a quantity that is not a whole number in range; zero only where allowed. */
export function checkQuantity(qty: number, field: string, positive: boolean): void {
  if (Number.isSafeInteger(qty) && qty >= (positive ? 1 : 0) && qty <= maxQuantity) return;
  const problem = !Number.isInteger(qty)
    ? "fractional"
    : qty < 0
      ? "negative"
      : qty === 0
        ? "zero"
        : "too_large";
  throw new JxcError("INVALID_QUANTITY", { input: String(qty), problem }, field);
}
