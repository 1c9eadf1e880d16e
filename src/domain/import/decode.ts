import type { CsvEncoding } from "./report.ts";

/** The text of an uploaded file, or why it is not text we can read. */
export type DecodedCsv =
  | { ok: true; text: string; encoding: CsvEncoding }
  | { ok: false; reason: "binary" | "encoding" | "utf-16" };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const gb18030 = new TextDecoder("gb18030", { fatal: true });

/**
 * Detects the encoding instead of asking: a UTF-8 BOM is dropped; valid UTF-8
 * is UTF-8; anything else is read as GB18030, what Excel on Chinese Windows
 * saves. NUL or other control bytes mean a binary file (or UTF-16), refused.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  // Excel's "Unicode text" is UTF-16 with a BOM: say so, rather than "binary", so people re-save as CSV.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, reason: "utf-16" };
  }
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  if (looksBinary(body)) return { ok: false, reason: "binary" };
  try {
    return { ok: true, text: utf8.decode(body), encoding: "utf-8" };
  } catch {
    // Not UTF-8: try the Chinese legacy encoding below.
  }
  try {
    return { ok: true, text: gb18030.decode(body), encoding: "gb18030" };
  } catch {
    return { ok: false, reason: "encoding" };
  }
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Control bytes other than tab, line breaks, form feed and a trailing DOS end-of-file mark. */
function looksBinary(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte >= 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0c) continue;
    if (byte === 0x1a && i === bytes.length - 1) continue;
    return true;
  }
  return false;
}
