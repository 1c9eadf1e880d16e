// English for a supplier's items and prices (terms per item).
export const enSuppliers = {
  supplierTerms: {
    title: "Items & prices",
    count: (p: { count: number }) => (p.count === 1 ? "1 item" : `${p.count} items`),
    none: "_No items on this supplier's list yet: a PO line takes the last price paid._",
    add: "Add or change an item",
    edit: "Edit",
    more: (p: { count: number; code: string }) => `…and ${p.count} more: \`/supplier items ${p.code}\``,
    line: (p: { sku: string; name: string; terms: string }) => `*${p.sku}* ${p.name}${p.terms}`,
    price: (p: { price: string; unit: string }) => `${p.price}/${p.unit}`,
    noPrice: "no list price",
    moq: (p: { qty: string }) => `MOQ ${p.qty}`,
    pack: (p: { qty: string }) => `packs of ${p.qty}`,
    lead: (p: { days: number }) => `lead time ${p.days} days`,
    theirSku: (p: { sku: string }) => `their code ${p.sku}`,
    nextPrice: (p: { price: string; day: string }) => `${p.price} from ${p.day}`,
    listMore: (p: { count: number }) =>
      `…and ${p.count} more: the CSV export has them all (\`npm run jxc -- export supplier_items <file>\`).`,
    listTitle: (p: { code: string; name: string }) => `Items & prices · ${p.name} (${p.code})`,
    modalTitle: "Items & prices",
    modalIntro: (p: { supplier: string }) =>
      `*${p.supplier}*: one item's terms. Quantities may name a unit (\`10 box\`); the price is per base unit, as on POs. An empty field has no such term.`,
    item: "Item",
    price_: "Unit price (per base unit)",
    priceHint: "e.g. 0.35",
    priceNow: (p: { price: string; since: string }) => `Price now ${p.price} (${p.since})`,
    always: "no start date",
    since: (p: { day: string }) => `since ${p.day}`,
    validFrom: "Price valid from",
    validFromHint: "blank = from today; e.g. 2026-07-01, 下个月",
    moqLabel: "Minimum order quantity",
    moqHint: "e.g. 1000 or 10 box",
    packLabel: "Pack size",
    packHint: "e.g. 100 or 1 box: orders come in whole packs",
    supplierSku: "The supplier's code for it",
    leadLabel: "Lead time for this item (days)",
    leadHint: "blank = the item's or the supplier's",
    remove: "Take this item off the supplier's list",
    removeLabel: "Remove",
    pickItem: "Pick an item.",
    save: "Save",
    cancel: "Cancel",
    done: "Done",
    saved: (p: { sku: string; code: string }) =>
      `:white_check_mark: Saved the terms of *${p.sku}* for *${p.code}*.`,
    unchanged: (p: { sku: string; code: string }) => `Nothing changed for *${p.sku}* at *${p.code}*.`,
    removed: (p: { sku: string; code: string }) => `Took *${p.sku}* off *${p.code}*'s list.`,
    notListed: (p: { sku: string; code: string }) =>
      `*${p.sku}* was not on *${p.code}*'s list; nothing changed.`,
    qualityNotes: "Quality notes",
    qualityHint: "what receiving should check with this supplier",
  },
  scorecard: {
    usage:
      "Usage: `/supplier score <code or name> [period]`, e.g. `/supplier score HXF last month`, `/supplier score 华鑫 上个月`, `/supplier score HXF 2026-01-01 to 2026-06-30`, `/supplier score HXF 30` (the last 30 days). Without a period: the last 90 days.",
    title: (p: { name: string; code: string }) => `Scorecard · ${p.name} (${p.code})`,
    period: (p: { from: string; to: string; days: number }) => `${p.from} – ${p.to} · ${p.days} days`,
    onTime: "On-time delivery",
    quality: "Quality acceptance",
    price: "Price variance",
    compliance: "Contract compliance",
    onTimeValue: (p: { pct: string; onTime: number; due: number; late: number; open: number }) =>
      `*${p.pct}* · ${p.onTime} of ${p.due} PO lines delivered in full by their expected day${p.late ? ` · ${p.late} late` : ""}${p.open ? ` · ${p.open} not delivered yet` : ""}`,
    onTimeNone: "_No PO lines were due in this period._",
    qualityValue: (p: {
      pct: string;
      accepted: string;
      received: string;
      receipts: number;
      rejected: string;
      rejectedLines: number;
    }) =>
      `*${p.pct}* · ${p.accepted} of ${p.received} units received were accepted, over ${p.receipts === 1 ? "1 receipt" : `${p.receipts} receipts`}${p.rejectedLines ? ` · ${p.rejected} rejected on ${p.rejectedLines === 1 ? "1 line" : `${p.rejectedLines} lines`}` : ""}`,
    qualityNone: "_Nothing was received from this supplier in this period._",
    priceValue: (p: {
      pct: string;
      amount: string;
      lines: number;
      vsList: number;
      vsPrevious: number;
      noReference: number;
      above: number;
      below: number;
    }) =>
      `*${p.pct}* (${p.amount}) · ${p.lines} PO lines approved: ${p.vsList} against the price list, ${p.vsPrevious} against the previous price; ${p.above} dearer, ${p.below} cheaper${p.noReference ? ` · ${p.noReference} with neither to compare` : ""}`,
    priceNone: "_No PO lines were approved in this period._",
    priceNoReference: (p: { lines: number }) =>
      `_${p.lines} PO lines approved, none with a list price or an earlier price to compare with._`,
    complianceValue: (p: {
      pct: string;
      compliant: number;
      due: number;
      lateOrShort: number;
      aboveList: number;
    }) =>
      `*${p.pct}* · ${p.compliant} of ${p.due} POs delivered complete, on time and not above the list price${p.lateOrShort ? ` · ${p.lateOrShort} late or short` : ""}${p.aboveList ? ` · ${p.aboveList} above the list price` : ""}`,
    complianceNone: "_No POs were due in this period._",
    nothing: (p: { code: string }) => `No purchase orders or receipts from ${p.code} in this period.`,
    definitions:
      "Due: the expected day is in the period and over (or everything came already). On time: received in full by the end of the expected day. Quality: accepted ÷ received on the period's receipts. Price: PO prices approved in the period against the list price on the approval day, else the previous price paid. Compliant: every line accepted in full by the expected day and none above the list price.",
    button: "Scorecard (90 days)",
    cardLine: (p: { days: number; parts: string }) => `Supplier scorecard, last ${p.days} days: ${p.parts}`,
    cardOnTime: (p: { pct: string; onTime: number; due: number }) =>
      `on time ${p.pct} (${p.onTime}/${p.due} lines)`,
    cardQuality: (p: { pct: string }) => `accepted ${p.pct}`,
    cardPrice: (p: { pct: string }) => `price ${p.pct} vs list or previous`,
    cardCompliance: (p: { pct: string; compliant: number; due: number }) =>
      `compliant ${p.pct} (${p.compliant}/${p.due} POs)`,
    cardNothing: "no POs or receipts yet",
  },
};
