import type { EmulatorState } from "./emulator-state.ts";

const WAIT_POLL_MS = 5;

/** Polls until `predicate` answers something truthy; on timeout names the last Slack calls, which usually tell why. */
export async function waitUntil<T>(
  state: EmulatorState,
  predicate: () => T | undefined | false,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = predicate();
      if (result !== undefined && result !== false && result !== null) return result;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
  }
  const recent = state.calls
    .slice(-10)
    .map((call) => `${call.method}${call.ok ? "" : ` (${call.error})`}`)
    .join(", ");
  const cause = lastError instanceof Error ? ` Last predicate error: ${lastError.message}.` : "";
  throw new Error(
    `waitFor timed out after ${timeoutMs} ms.${cause} Recent Slack calls: ${recent || "none"}.`,
  );
}
