/** One finished line as accuracy sees it: its variance and what it should have held, valued. */
export interface MeasuredLine {
  varianceQty: number;
  varianceValue: number;
  expectedValue: number;
}

/** How good a count was, as stored on the document for the warehouse KPIs. */
export interface CountAccuracy {
  linesCounted: number;
  linesExact: number;
  expectedValue: number;
  /** Net of the variance values (signed) and their absolute sum, minor units. */
  varianceValue: number;
  varianceAbs: number;
  /** Exact lines / counted lines, in basis points (10000 = 100%). */
  lineAccuracyBp: number;
  /** 1 − Σ|variance value| / expected value, never below 0, in basis points. */
  valueAccuracyBp: number;
}

/** part / whole in basis points, rounded half up, exactly (values can exceed 2^53 / 10^4). */
export function ratioBp(part: number, whole: number): number {
  if (whole <= 0) throw new RangeError("ratioBp needs a positive whole");
  const scaled = BigInt(part) * 10_000n * 2n + BigInt(whole);
  return Number(scaled / (BigInt(whole) * 2n));
}

/**
 * The accuracy of the counted lines. Offsetting variances do not cancel out in value accuracy
 * (one bin short and another over is two mistakes); a count of nothing of value is 100% only
 * when nothing differed.
 */
export function measureAccuracy(lines: readonly MeasuredLine[]): CountAccuracy {
  const linesCounted = lines.length;
  const linesExact = lines.filter((line) => line.varianceQty === 0).length;
  const expectedValue = lines.reduce((sum, line) => sum + line.expectedValue, 0);
  const varianceValue = lines.reduce((sum, line) => sum + line.varianceValue, 0);
  const varianceAbs = lines.reduce((sum, line) => sum + Math.abs(line.varianceValue), 0);
  const lineAccuracyBp = linesCounted === 0 ? 0 : ratioBp(linesExact, linesCounted);
  const valueAccuracyBp =
    expectedValue > 0
      ? Math.max(0, 10_000 - ratioBp(varianceAbs, expectedValue))
      : varianceAbs === 0
        ? 10_000
        : 0;
  return {
    linesCounted,
    linesExact,
    expectedValue,
    varianceValue,
    varianceAbs,
    lineAccuracyBp,
    valueAccuracyBp,
  };
}
