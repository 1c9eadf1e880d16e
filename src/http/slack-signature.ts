import { createHmac, timingSafeEqual } from "node:crypto";

export interface SignedRequest {
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
}

export type SignatureVerdict = { ok: true } | { ok: false; reason: string };

const versionPrefix = "v0=";
const digestBytes = 32;

/**
 * Checks Slack's v0 signature (HMAC-SHA256 of `v0:<timestamp>:<body>`) and
 * rejects timestamps too far in the future as well as the past (replay window).
 * It compares the digests with `timingSafeEqual`: Bolt's verifier compares hex
 * strings through tsscmp, which costs two more HMACs and a random key per request.
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
  const hexLength = versionPrefix.length + digestBytes * 2;
  if (!signature.startsWith(versionPrefix) || signature.length !== hexLength)
    return { ok: false, reason: "signature mismatch" };
  // Hex decoding stops at the first non-hex character, so a malformed digest comes out short.
  const given = Buffer.from(signature.slice(versionPrefix.length), "hex");
  if (given.length !== digestBytes) return { ok: false, reason: "signature mismatch" };
  const expected = createHmac("sha256", signingSecret).update(`v0:${seconds}:${rawBody}`).digest();
  return timingSafeEqual(given, expected) ? { ok: true } : { ok: false, reason: "signature mismatch" };
}
