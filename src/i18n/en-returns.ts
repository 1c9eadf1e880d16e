import type { GoodsReceiptStatus } from "../../db/tables/receiving.ts";
import type { RejectDecisionKind } from "../../db/tables/returns.ts";

// English for what happens to rejected goods (return, replace, accept anyway) and for
// receipts over the tolerance that wait for the warehouse supervisor.
export const enReturns = {
  returns: {
    /** "Already decided by @x: returned to the supplier (no replacement)." */
    decisionNames: {
      return: "returned to the supplier (no replacement)",
      replace: "returned for a replacement",
      accept: "accepted anyway",
    } satisfies Record<RejectDecisionKind, string>,
    buttons: { return: "Return", replace: "Replace", accept: "Accept anyway" } satisfies Record<
      RejectDecisionKind,
      string
    >,
    confirm: {
      returnTitle: "Return, no replacement?",
      returnText: (p: { qty: string; sku: string; number: string }) =>
        `${p.qty} ${p.sku} go back to the supplier and will not be replaced: ${p.number} no longer expects them.`,
      replaceTitle: "Return for a replacement?",
      replaceText: (p: { qty: string; sku: string; number: string }) =>
        `${p.qty} ${p.sku} go back to the supplier, who sends replacements: they stay on order on ${p.number}.`,
      yes: "Yes",
      no: "Cancel",
    },
    /** A rejected line on the receipt's message in the PO thread. */
    lineHead: (p: { qty: string; sku: string; reason: string }) =>
      `:leftwards_arrow_with_hook: *${p.qty}* ${p.sku} rejected (${p.reason})`,
    waiting:
      "purchasing decides: *Return* (no replacement), *Replace* (the supplier sends new ones, still on order) or *Accept anyway* (into stock at the PO price).",
    stillWaiting: (p: { qty: string }) =>
      `${p.qty} still wait for purchasing: Return, Replace or Accept anyway.`,
    decided: {
      return: (p: { qty: string; number: string; by: string }) =>
        `${p.number}: ${p.qty} back to the supplier, no replacement — ${p.by}`,
      replace: (p: { qty: string; number: string; by: string }) =>
        `${p.number}: ${p.qty} back to the supplier for a replacement, still on order — ${p.by}`,
      accept: (p: { qty: string; place: string; by: string }) =>
        `${p.qty} accepted anyway into ${p.place} — ${p.by}`,
    },
    more: (p: { count: number }) =>
      `${p.count} more rejected lines get their buttons here as these are decided.`,
    /** In the PO's thread and the PO author's DM. */
    thread: {
      return: (p: {
        number: string;
        rtn: string;
        qty: string;
        sku: string;
        receipt: string;
        supplier: string;
        by: string;
        status: string;
      }) =>
        `:leftwards_arrow_with_hook: *${p.number}* · ${p.rtn}: ${p.qty} ${p.sku} from ${p.receipt} go back to ${p.supplier} without replacement, decided by ${p.by}; no longer on order. ${p.number} is ${p.status}.`,
      replace: (p: {
        number: string;
        rtn: string;
        qty: string;
        sku: string;
        receipt: string;
        supplier: string;
        by: string;
        status: string;
      }) =>
        `:leftwards_arrow_with_hook: *${p.number}* · ${p.rtn}: ${p.qty} ${p.sku} from ${p.receipt} go back to ${p.supplier} for a replacement, decided by ${p.by}; still on order. ${p.number} is ${p.status}.`,
      accept: (p: {
        number: string;
        qty: string;
        sku: string;
        receipt: string;
        place: string;
        by: string;
        value: string;
        status: string;
      }) =>
        `:white_check_mark: *${p.number}* · ${p.qty} ${p.sku} from ${p.receipt} accepted anyway by ${p.by} into ${p.place}, ${p.value} at the PO price. ${p.number} is ${p.status}.`,
    },
    /** To the warehouse: what to do with the goods now. */
    warehouse: {
      return: (p: {
        qty: string;
        sku: string;
        receipt: string;
        reason: string;
        supplier: string;
        rtn: string;
        by: string;
      }) =>
        `:truck: Send back ${p.qty} ${p.sku} (${p.receipt}, rejected: ${p.reason}) to ${p.supplier} — ${p.rtn}, no replacement. Decided by ${p.by}.`,
      replace: (p: {
        qty: string;
        sku: string;
        receipt: string;
        reason: string;
        supplier: string;
        rtn: string;
        by: string;
      }) =>
        `:truck: Send back ${p.qty} ${p.sku} (${p.receipt}, rejected: ${p.reason}) to ${p.supplier} — ${p.rtn}; they send a replacement. Decided by ${p.by}.`,
      accept: (p: { qty: string; sku: string; receipt: string; reason: string; place: string; by: string }) =>
        `:inbox_tray: Put away ${p.qty} ${p.sku} (${p.receipt}, rejected: ${p.reason}) into ${p.place}: accepted anyway by ${p.by}.`,
    },
    /** The decider's own answer. */
    done: {
      return: (p: { rtn: string; qty: string; sku: string; number: string; status: string }) =>
        `Done: ${p.rtn} — ${p.qty} ${p.sku} go back to the supplier, no replacement; ${p.number} is ${p.status}. The warehouse is told to send them back.`,
      replace: (p: { rtn: string; qty: string; sku: string; number: string; status: string }) =>
        `Done: ${p.rtn} — ${p.qty} ${p.sku} go back for a replacement and stay on order; ${p.number} is ${p.status}. The warehouse is told to send them back.`,
      accept: (p: {
        qty: string;
        sku: string;
        place: string;
        value: string;
        number: string;
        status: string;
      }) =>
        `Done: ${p.qty} ${p.sku} accepted into ${p.place}, ${p.value} at the PO price; ${p.number} is ${p.status}. The warehouse is told to put them away.`,
    },
    left: (p: { qty: string }) => ` ${p.qty} still wait for a decision.`,
    modal: {
      title: "Accept anyway",
      submit: "Accept",
      close: "Cancel",
      done: "Close",
      intro: (p: { qty: string; sku: string; receipt: string; reason: string; price: string }) =>
        `*${p.qty}* ${p.sku} from ${p.receipt} were rejected (${p.reason}). Accepted goods enter stock at the PO price (${p.price} each); what you do not accept still waits for Return or Replace.`,
      qty: (p: { qty: string }) => `Quantity to accept (at most ${p.qty})`,
      bin: "Into bin (WAREHOUSE/BIN)",
    },
    /** Receipts over the tolerance. */
    over: {
      line: (p: {
        sku: string;
        accepted: string;
        ordered: string;
        before: string;
        over: string;
        pct: string;
        most: string;
      }) =>
        `*${p.sku}*: ${p.accepted} accepted against ${p.ordered} ordered (${p.before} before) — *${p.over} over the order (${p.pct}%)*; the tolerance allows ${p.most} in all`,
      noneBefore: "none",
      pending: (p: { receipt: string; number: string; pct: number; lines: string; roles: string }) =>
        `:hourglass: *${p.receipt}* for *${p.number}* is over the ${p.pct}% tolerance:\n${p.lines}\nIt waits for approval (${p.roles}); nothing enters stock until then. You will hear the decision by DM.`,
      card: (p: { number: string; supplier: string; by: string; lines: string; pct: number }) =>
        `*${p.number}* · ${p.supplier} · received by ${p.by}, over the ${p.pct}% tolerance:\n${p.lines}`,
      within: (p: { count: number }) => `+ ${p.count} more lines within the tolerance.`,
      effect:
        "Approving posts the receipt to stock at the PO price; rejecting refuses the goods and nothing moves.",
      thread: {
        awaiting: (p: { number: string; receipt: string; by: string }) =>
          `:hourglass: *${p.number}* · ${p.receipt}, received by ${p.by}, is over the tolerance and waits for the warehouse supervisor; nothing entered stock yet.`,
        refused: (p: { number: string; receipt: string; by: string; reason: string }) =>
          `:x: *${p.number}* · ${p.receipt} (over the tolerance) was refused by ${p.by}${p.reason ? `: ${p.reason}` : ""}. Nothing entered stock; the goods go back with the carrier and stay on order.`,
      },
      toReceiver: {
        approved: "It is posted to stock: put the goods away as received.",
        rejected: "Nothing entered stock: refuse the goods and send them back with the carrier.",
      },
      approvedBy: (p: { by: string }) => ` Over the tolerance, approved by ${p.by}.`,
    },
    receiptTitle: (p: { receipt: string; number: string; supplier: string }) =>
      `Goods receipt ${p.receipt} · ${p.number} · ${p.supplier}`,
    receiptStatuses: {
      posted: ":white_check_mark: posted",
      pending_approval: ":hourglass: waiting for approval",
      refused: ":x: refused",
    } satisfies Record<GoodsReceiptStatus, string>,
  },
};
