import type { PurchaseOrderStatus } from "../domain/purchasing/states.ts";

// English for purchase orders, suppliers and the purchasing budget.
export const poStatusNames: Record<PurchaseOrderStatus, string> = {
  draft: "a draft",
  pending_approval: "waiting for approval",
  approved: "approved",
  sent: "sent to the supplier",
  partially_received: "partly received",
  received: "received",
  closed: "closed",
  on_hold: "on hold",
  cancelled: "cancelled",
};
export const poActionNames = {
  submit: "submitted",
  approve: "approved",
  reject: "rejected",
  send: "sent",
  hold: "put on hold",
  resume: "resumed",
  cancel: "cancelled",
  close: "closed",
  receive_part: "received",
  receive_all: "received",
  edit: "edited",
};

export const enPurchasing = {
  po: {
    usage:
      "Usage: `/po` opens the form; quick form `/po <supplier> <qty> <sku> @ <unit price>, … by <date>`, e.g. `/po ACME 100 SKU-1 @ 2.50, 20 SKU-2 @ 10 by next friday` (or `到 下周五`, `by 月底`). Prices are per base unit. `/po PO-000001` shows a PO.",
    statuses: {
      draft: ":memo: draft",
      pending_approval: ":hourglass: waiting for approval",
      approved: ":white_check_mark: approved",
      sent: ":outbox_tray: sent to supplier",
      partially_received: ":package: partly received",
      received: ":package: received",
      closed: ":lock: closed",
      on_hold: ":double_vertical_bar: on hold",
      cancelled: ":heavy_minus_sign: cancelled",
    } satisfies Record<PurchaseOrderStatus, string>,
    buttons: {
      submit: "Submit for approval",
      send: "Send to supplier",
      hold: "Hold",
      resume: "Resume",
      close: "Close",
      cancel: "Cancel PO",
    },
    docTitle: (p: { number: string; supplier: string }) => `Purchase order ${p.number} · ${p.supplier}`,
    pending: (p: { number: string; total: string; roles: string }) =>
      `:hourglass: *${p.number}* (${p.total}) is submitted and needs approval by ${p.roles}. You will be told in a DM and in its thread.`,
    approvedAtOnce: (p: { number: string; total: string }) =>
      `:white_check_mark: *${p.number}* (${p.total}) needed no approval and is approved.`,
    draftSaved: (p: { number: string; total: string }) =>
      `:memo: *${p.number}* (${p.total}) is saved as a draft.`,
    moved: (p: { number: string; status: string }) => `*${p.number}* is now ${p.status}.`,
    supplier: "Supplier",
    expected: "Expected delivery",
    deliveryTerms: "Delivery terms",
    qualityStandard: "Quality standard",
    paymentTerms: "Payment terms",
    paymentDays: (p: { days: number }) => `${p.days} days`,
    notes: "Notes",
    total: "Total",
    createdBy: "Created by",
    status: "Status",
    none: "—",
    lineText: (p: { n: number; qty: string; sku: string; name: string; price: string; amount: string }) =>
      `${p.n}. *${p.qty}* ${p.sku} ${p.name} @ ${p.price} = ${p.amount}`,
    priceSame: (p: { last: string }) => `last price ${p.last}, unchanged`,
    priceDiff: (p: { last: string; diff: string }) => `last price ${p.last} (${p.diff})`,
    priceFlag: (p: { last: string; diff: string; limit: number }) =>
      `:warning: last price ${p.last} (*${p.diff}*, above the ${p.limit}% alert)`,
    priceNew: "first purchase: no last price",
    priceCheck: "Price check",
    budgetLine: (p: { spent: string; budget: string; after: string; pct: number }) =>
      `Purchasing this month: ${p.spent} approved; with this PO ${p.after} of the ${p.budget} budget (${p.pct}%)`,
    budgetOver: (p: { spent: string; budget: string; after: string; pct: number }) =>
      `:warning: Purchasing this month: ${p.spent} approved; with this PO ${p.after}, *over* the ${p.budget} budget (${p.pct}%)`,
    noBudget: (p: { spent: string; after: string }) =>
      `Purchasing this month: ${p.spent} approved; with this PO ${p.after} (no monthly budget set)`,
    thread: {
      created: (p: { by: string }) => `:memo: Created by ${p.by}.`,
      sent: (p: { by: string }) => `:outbox_tray: Sent to the supplier by ${p.by}.`,
      held: (p: { by: string }) => `:double_vertical_bar: Put on hold by ${p.by}.`,
      resumed: (p: { by: string; status: string }) =>
        `:arrow_forward: Resumed by ${p.by}; ${p.status} again.`,
      cancelled: (p: { by: string }) => `:heavy_minus_sign: Cancelled by ${p.by}.`,
      closed: (p: { by: string }) => `:lock: Closed by ${p.by}.`,
      received: (p: { status: string }) => `:package: Goods received; now ${p.status}.`,
    },
    modal: {
      title: "New purchase order",
      submit: "Submit",
      close: "Cancel",
      done: "Done",
      intro:
        "Fill in the lines you need and leave the rest empty. Prices are per base unit; quantities may name a unit (`3 box`). The PO goes for approval when you submit.",
      supplier: "Supplier",
      item: (p: { n: number }) => `Line ${p.n}: item`,
      qty: (p: { n: number }) => `Line ${p.n}: quantity`,
      price: (p: { n: number }) => `Line ${p.n}: unit price`,
      priceHint: "blank = the supplier's list price, else the last price",
      expected: "Expected delivery",
      expectedHint: "e.g. 2026-12-05, next friday, 下周五, 月底",
      deliveryTerms: "Delivery terms",
      deliveryHint: "e.g. DDP our warehouse, freight included",
      qualityStandard: "Quality standard",
      qualityHint: "e.g. GB/T 5782, inspection on arrival",
      paymentTerms: "Payment terms (days)",
      paymentHint: "blank = the supplier's terms",
      notes: "Notes",
      lineIncomplete: "Pick an item and give a quantity, or leave the whole line empty.",
      noPrice: "No list price or last price for this item from this supplier: type a unit price.",
      empty: "Add at least one line.",
    },
    quick: {
      badLine: (p: { input: string }) =>
        `\`${p.input}\` is not a line: write \`<qty> <sku> @ <unit price>\`, e.g. \`100 SKU-1 @ 2.50\`.`,
      noDate: "Say when it should arrive: end with `by <date>` (`by next friday`, `到 下周五`, `by 月底`).",
      noPrice: (p: { sku: string }) =>
        `${p.sku} is not on this supplier's price list and has never been bought: write \`@ <unit price>\`.`,
    },
  },
  supplier: {
    usage:
      "Usage: `/supplier <code or name>` shows a supplier with its items and prices; `/supplier items <code>` lists them all; `/supplier score <code> [period]` scores it (`last month`, `上个月`, `2026-01-01 to 2026-06-30`; default the last 90 days); `/supplier add`, `/supplier edit <code>`, `/supplier archive <code>`.",
    title: (p: { code: string; name: string }) => `${p.name} (${p.code})`,
    archivedTag: " · archived",
    contact: "Contact",
    phone: "Phone",
    email: "Email",
    paymentTerms: "Payment terms",
    leadTime: "Lead time",
    days: (p: { days: number }) => `${p.days} days`,
    recent: "Recent purchase orders",
    noRecent: "_No purchase orders yet._",
    recentLine: (p: { number: string; status: string; expected: string; total: string }) =>
      `*${p.number}* · ${p.status} · due ${p.expected} · ${p.total}`,
    matches: (p: { query: string; list: string }) => `Several suppliers match \`${p.query}\`: ${p.list}`,
    modalAdd: "New supplier",
    modalEdit: "Edit supplier",
    save: "Save",
    cancel: "Cancel",
    code: "Code",
    codeHint: "what people type, e.g. ACME",
    name: "Name",
    nameZh: "Chinese name",
    leadTimeDays: "Lead time (days)",
    paymentTermsDays: "Payment terms (days)",
    saved: (p: { code: string }) => `:white_check_mark: Saved supplier *${p.code}*.`,
    archived: (p: { code: string }) => `Supplier *${p.code}* is archived; new POs can no longer use it.`,
    alreadyArchived: (p: { code: string }) => `Supplier *${p.code}* was already archived; nothing changed.`,
    picker: "Search code or name",
  },
  budget: {
    usage: "Usage: `/jxc budget <amount>` sets the monthly purchasing budget, e.g. `/jxc budget 500000`.",
    show: (p: { budget: string; spent: string }) =>
      `Monthly purchasing budget: ${p.budget}; approved this month: ${p.spent}.`,
    notSet: (p: { spent: string }) => `No monthly purchasing budget is set; approved this month: ${p.spent}.`,
    set: (p: { budget: string }) => `:white_check_mark: The monthly purchasing budget is now ${p.budget}.`,
  },
};
