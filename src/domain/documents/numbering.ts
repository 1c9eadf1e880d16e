import { sql } from "drizzle-orm";
import type { Tx } from "../stock/types.ts";

/** The prefix of each document type's human number. */
export const documentPrefixes = {
  stock_adjustment: "ADJ",
  purchase_order: "PO",
  goods_receipt: "GR",
  sales_order: "SO",
  invoice: "INV",
  bill: "BILL",
  payment: "PAY",
  stocktake: "CNT",
  supplier_return: "RTN",
} as const;

export type DocumentType = keyof typeof documentPrefixes;

/** The next number of a document type (PO-000123); call it inside the transaction that creates the document. */
export function nextDocumentNumber(tx: Tx, docType: DocumentType): string {
  const row = tx.get<{ last_number: number }>(
    sql`insert into document_sequences (doc_type, last_number) values (${docType}, 1)
        on conflict (doc_type) do update set last_number = last_number + 1
        returning last_number`,
  );
  return `${documentPrefixes[docType]}-${String(row.last_number).padStart(6, "0")}`;
}
