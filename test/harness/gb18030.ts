// Encodes text as Excel on Chinese Windows saves CSV (GBK/GB18030), for import tests.
// Node can decode gb18030 but not encode it, so the two-byte table is built by decoding once.
let table: Map<string, number[]> | undefined;

function twoByteTable(): Map<string, number[]> {
  if (table) return table;
  const decoder = new TextDecoder("gb18030");
  table = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== "\ufffd" && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  return table;
}

/** ASCII stays as is; other characters must be in GBK's two-byte range (all common Chinese is). */
export function encodeGb18030(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = twoByteTable().get(char);
    if (!pair) throw new Error(`"${char}" is outside GBK's two-byte range`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}
