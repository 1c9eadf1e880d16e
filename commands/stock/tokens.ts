import { z } from "zod";
import { parseJson } from "../../src/text/parse-json.ts";

/** What a paging button carries: the query and where to continue. Button values are user-controlled, so parse them. */
export interface PageToken {
  query: string;
  warehouseId: number | undefined;
  offset: number;
}

/** What a Details or Share button carries. */
export interface ItemToken {
  itemId: number;
  warehouseId: number | undefined;
}

const pageSchema = z.object({
  q: z.string().max(100),
  w: z.number().int().positive().optional(),
  o: z.number().int().min(0),
});
const itemSchema = z.object({ i: z.number().int().positive(), w: z.number().int().positive().optional() });

export function encodePage(token: PageToken): string {
  return JSON.stringify({ q: token.query, w: token.warehouseId, o: token.offset });
}

export function decodePage(value: string): PageToken | undefined {
  const parsed = pageSchema.safeParse(parseJson(value));
  return parsed.success
    ? { query: parsed.data.q, warehouseId: parsed.data.w, offset: parsed.data.o }
    : undefined;
}

export function encodeShare(token: ItemToken): string {
  return JSON.stringify({ i: token.itemId, w: token.warehouseId });
}

export function decodeItem(value: string): ItemToken | undefined {
  const parsed = itemSchema.safeParse(parseJson(value));
  return parsed.success ? { itemId: parsed.data.i, warehouseId: parsed.data.w } : undefined;
}
