// "Still owed" on a PO line, said once for every reader: /stock's on order, the purchase plan's
// open POs, the receiving form's open quantities and the PO's received status.

// Aliases of their own, so the fragments nest inside any query without clashing with its names.
const postedAccepted = (lineId: string) =>
  `coalesce((select sum(owed_g.accepted) from goods_receipt_lines owed_g
              join goods_receipts owed_r on owed_r.id = owed_g.goods_receipt_id
             where owed_g.purchase_order_line_id = ${lineId} and owed_r.status = 'posted'), 0)`;

const decided = (lineId: string, kinds: string) =>
  `coalesce((select sum(owed_d.qty) from reject_decisions owed_d
             where owed_d.purchase_order_line_id = ${lineId} and owed_d.decision in (${kinds})), 0)`;

/**
 * SQL for what a PO line has settled, given an SQL expression for its id: accepted on posted
 * receipts, plus rejected goods accepted anyway, plus rejected goods returned without a
 * replacement. Rejects still undecided, or sent back for a replacement, stay owed; receipts
 * waiting for approval or refused count for nothing.
 */
export function settledSql(lineId: string): string {
  return `(${postedAccepted(lineId)} + ${decided(lineId, "'accept', 'return'")})`;
}

/** SQL for what a PO line has taken into stock: accepted on posted receipts plus accepted anyway. */
export function acceptedSql(lineId: string): string {
  return `(${postedAccepted(lineId)} + ${decided(lineId, "'accept'")})`;
}

/**
 * SQL for what the supplier still owes on a PO line, ordered − settled and never below zero,
 * given the line's table name or alias (`l` → l.qty, l.id).
 */
export function owedSql(line: string): string {
  return `max(${line}.qty - ${settledSql(`${line}.id`)}, 0)`;
}
