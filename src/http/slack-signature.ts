import { verifySlackRequest } from "@slack/bolt";

export interface SignedRequest {
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks Slack's v0 signature and, unlike Bolt's verifier alone, rejects
 * timestamps too far in the future as well as the past (replay window).
 */
export function checkSlackSignature(
  request: SignedRequest,
  signingSecret: string,
  nowMs: number,
  maxSkewSeconds = 300,
): SignatureVerdict {
  const { signature, timestamp, rawBody } = request;
  if (!signature || !timestamp) return { ok: false, reason: "missing signature headers" };
  const seconds = Number(timestamp);
  if (!Number.isInteger(seconds)) return { ok: false, reason: "malformed timestamp" };
  if (Math.abs(nowMs / 1000 - seconds) > maxSkewSeconds)
    return { ok: false, reason: "timestamp out of window" };
  try {
    verifySlackRequest({
      signingSecret,
      body: rawBody,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": seconds },
      nowMilliseconds: nowMs,
    });
    return { ok: true };
  } catch {
    return { ok: false, reason: "signature mismatch" };
  }
}
