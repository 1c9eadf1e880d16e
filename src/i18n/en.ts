import type { ErrorCode, ErrorParams, InputProblem } from "../domain/errors.ts";
import { type EventType, eventTypes } from "../domain/events.ts";
import type { PurchaseOrderStatus } from "../domain/purchasing/states.ts";
import { type Role, roles } from "../domain/roles.ts";
import { type Department, departments } from "../domain/routing/departments.ts";
import { enAdmin } from "./en-admin.ts";
import { enApprovals } from "./en-approvals.ts";
import { enCount, enCountErrors, enCountEvents } from "./en-count.ts";
import { enData } from "./en-data.ts";
import { enLowStock } from "./en-low-stock.ts";
import { enPlan } from "./en-plan.ts";
import { enPurchasing, poActionNames, poStatusNames } from "./en-purchasing.ts";
import { enReceiving, enReceivingErrors } from "./en-receiving.ts";
import { enReturns } from "./en-returns.ts";
import { enSlotting } from "./en-slotting.ts";
import { enSuppliers } from "./en-suppliers.ts";
import { roleList } from "./role-list.ts";

type ErrorText = (p: ErrorParams) => string;

const problems: Record<InputProblem, string> = {
  not_a_number: "it is not a number",
  zero: "it must be more than zero",
  negative: "it cannot be negative",
  fractional: "this unit only comes in whole numbers",
  too_large: "it is far too large",
  too_many_decimals: "it has more decimals than the currency",
  unknown_unit: "that unit is not one of this item's units",
  empty: "it is empty",
  too_long: "it is too long",
  incomplete: "give both an amount and a role, or neither",
  not_a_date: "it is not a date jxc understands (try 2026-12-05, 12/5, next friday, 下周五 or 月底)",
  no_such_day: "that day is not on the calendar",
  in_the_past: "that day has already passed",
  ends_before_start: "it ends before it starts",
  mismatch: "accepted + rejected must equal received",
};
const roleNames: Record<Role, string> = {
  admin: "Admin",
  purchasing_clerk: "Purchasing clerk",
  purchasing_manager: "Purchasing manager",
  warehouse_keeper: "Warehouse keeper",
  warehouse_supervisor: "Warehouse supervisor",
  salesperson: "Salesperson",
  sales_manager: "Sales manager",
  accountant: "Accountant",
  finance_supervisor: "Finance supervisor",
};
const departmentNames: Record<Department, string> = {
  purchasing: "Purchasing",
  warehouse: "Warehouse",
  sales: "Sales",
  finance: "Finance",
};
const eventNames: Record<EventType, string> = {
  "approval.requested": "a document was sent for approval",
  "approval.step_opened": "an approval moved on to its next approver",
  "approval.step_approved": "one tier of an approval was approved",
  "approval.approved": "a document was approved",
  "approval.rejected": "a document was rejected",
  "approval.cancelled": "a request for approval was withdrawn",
  "approval.reminder": "an approval has waited too long",
  "approval.escalated": "a waiting approval was escalated",
  "adjustment.posted": "a stock adjustment was posted to the ledger",
  "po.created": "a purchase order was created",
  "po.sent": "a purchase order was sent to its supplier",
  "po.held": "a purchase order was put on hold",
  "po.resumed": "a purchase order on hold was resumed",
  "po.cancelled": "a purchase order was cancelled",
  "po.closed": "a purchase order was closed",
  "po.received": "goods were received against a purchase order",
  "po.late": "a purchase order is past its expected delivery day",
  "purchase_plan.ready": "the weekly purchase plan is ready",
  ...enCountEvents,
  "receipt.awaiting_approval": "a goods receipt over the tolerance waits for approval",
  "receipt.refused": "a goods receipt over the tolerance was refused",
  "receipt.decided": "purchasing decided what happens to rejected goods",
  "low_stock.alert": "an item's projected stock fell to its reorder point",
  "low_stock.changed": "a low-stock alert was drafted, snoozed or replenished (its messages are rewritten)",
  "low_stock.digest": "the morning digest of items at or below their reorder point (when turned on)",
};
const codes = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(", ");
const why = (p: ErrorParams) =>
  typeof p.problem === "string" && p.problem in problems ? `: ${problems[p.problem as InputProblem]}` : "";
// A rejected-goods decision named in "already decided" (approvals pass a verdict instead, not shown).
const decisionName = (p: ErrorParams, names: Record<string, string>, lead: string) =>
  typeof p.decision === "string" && p.decision in names ? `${lead}${names[p.decision]}` : "";

/** English messages; the shape of this object is the catalogue every language must fill. */
export const en = {
  errors: {
    NOT_ALLOWED: (p) =>
      p.roles === "any"
        ? "You have no jxc role yet. Ask an admin to give you one (`/jxc role @you add <role>`)."
        : `You are not allowed to do that${p.roles ? ` — it needs one of: ${roleList(p.roles, roleNames)}` : ""}.`,
    NOT_FOUND: (p) => `Nothing found${p.what ? ` for ${p.what}` : ""}.`,
    INVALID_INPUT: (p) => `That input is not valid${why(p)}.`,
    UNKNOWN_SUBCOMMAND: (p) => `Unknown command \`${p.input}\`.`,
    UNSUPPORTED_LANGUAGE: (p) => `\`${p.input}\` is not a language jxc speaks. Try \`en\` or \`zh\`.`,
    CONFLICT: () => "Someone changed this at the same time. Please try again.",
    INSUFFICIENT_STOCK: (p) =>
      `Not enough stock${p.sku ? ` of ${p.sku}` : ""}${p.available !== undefined ? `: ${p.available} available` : ""}${p.requested !== undefined ? `, ${p.requested} needed` : ""}.`,
    UNKNOWN_ITEM: (p) =>
      `No item matches \`${p.query}\`${p.suggestions ? `. Did you mean ${p.suggestions}?` : "."}`,
    UNKNOWN_WAREHOUSE: (p) => `No warehouse \`${p.code}\`${p.known ? `. Warehouses: ${p.known}` : "."}`,
    UNKNOWN_LOCATION: (p) => `No bin \`${p.code}\` in warehouse ${p.warehouse}.`,
    UNKNOWN_USER: (p) => `\`${p.input}\` is not a Slack user. Mention them, e.g. @alice.`,
    UNKNOWN_ROLE: (p) => `\`${p.input}\` is not a role. Roles: ${p.known}`,
    INVALID_QUANTITY: (p) => `\`${p.input}\` is not a valid quantity${why(p)}.`,
    INVALID_MONEY: (p) => `\`${p.input}\` is not a valid amount${why(p)}.`,
    LAST_ADMIN: () => "That would leave nobody with the admin role. Make someone else admin first.",
    DUPLICATE: (p) => `${p.what} \`${p.key}\` already exists.`,
    ALREADY_DECIDED: (p) =>
      `Already decided${p.by ? ` by <@${p.by}>` : ""}${decisionName(p, enReturns.returns.decisionNames, ": ")}.`,
    STALE_ACTION: () => "This message is out of date; nothing was changed.",
    SELF_APPROVAL: (p): string =>
      p.part === "excluded"
        ? "You cannot approve or reject a request for work you took part in; another approver will decide."
        : "You cannot approve or reject your own request; another approver will decide.",
    POLICY_ORDER: (p) =>
      p.tier === 0
        ? "Escalation must come after the reminder."
        : `Tier ${p.tier} must start at a higher amount than the tier before it.`,
    UNKNOWN_DEPARTMENT: (p) => `\`${p.input}\` is not a department. Departments: ${codes(departments)}.`,
    CHANNEL_MENTION_NEEDED: (p) =>
      p.input
        ? `\`${p.input}\` reached jxc as plain text, without the channel's id. Type # and pick the channel from Slack's list so it turns into a link, e.g. \`/jxc channel warehouse #warehouse\`.`
        : "Name the channel: type # and pick it from Slack's list, e.g. `/jxc channel warehouse #warehouse`.",
    UNKNOWN_EVENT_TYPE: (p) => `\`${p.input}\` is not an event type. Event types: ${codes(eventTypes)}.`,
    UNKNOWN_ROUTE_TARGET: (p) =>
      `\`${p.input}\` is not a target. Targets: \`owner\` (the requester), \`role:<role>\` (roles: ${codes(roles)}) or \`channel:<department>\` (departments: ${codes(departments)}).`,
    UNKNOWN_SUPPLIER: (p) =>
      `No supplier matches \`${p.query}\`${p.suggestions ? `. Did you mean ${p.suggestions}?` : "."} Add one with \`/supplier add\`.`,
    ILLEGAL_TRANSITION: (p) =>
      `${p.number} is ${p.status ? (poStatusNames[p.status as PurchaseOrderStatus] ?? p.status) : "in another state"} now, so it cannot be ${poActionNames[p.action as keyof typeof poActionNames] ?? p.action}; nothing was changed.`,
    OVER_RECEIPT: (p) =>
      `${p.sku}: ${p.ordered} ordered, ${p.already} already accepted; at most ${p.most} more may be accepted (over-receipt tolerance ${p.pct}%). Nothing was changed: accept at most that and return the rest.`,
    REJECTS_LEFT: (p) =>
      `Only ${p.left} of ${p.sku} from ${p.receipt} still wait for a decision (someone decided the rest meanwhile); nothing was changed.`,
    REPLACEMENT_NOT_EXPECTED: (p) =>
      p.owed === 0
        ? `${p.number} expects no more ${p.sku} (it is received or closed), so a replacement cannot be received against it: choose Return or Accept anyway.`
        : `${p.number} still expects only ${p.owed} ${p.sku}, so a replacement of ${p.qty} cannot be received against it: return or accept the rest.`,
    ...enCountErrors,
    ORDER_TERMS: (p) =>
      p.rule === "moq"
        ? `${p.sku}: ${p.qty} is below ${p.supplier}'s minimum order of ${p.limit}; order at least ${p.suggestion}, or change the supplier's terms (\`/supplier ${p.supplier}\` → Items & prices).`
        : `${p.sku}: ${p.qty} is not a whole number of ${p.supplier}'s packs of ${p.limit}; ${p.suggestion} would be, or change the supplier's terms (\`/supplier ${p.supplier}\` → Items & prices).`,
    ...enReceivingErrors(roleNames),
  } satisfies Record<ErrorCode, ErrorText>,
  problems,
  roleNames,
  departmentNames,
  eventNames,
  generic: {
    unexpected: (p: { ref: string }) =>
      `Something went wrong on our side and nothing was changed. Please try again; if it keeps happening, give your admin this reference: \`${p.ref}\`.`,
  },
  help: {
    title: "jxc — purchase · sales · inventory",
    intro: "Here is what you can do. Type a command in any channel or DM.",
    didYouMean: (p: { input: string; suggestion: string }) =>
      `I don't know \`${p.input}\`. Did you mean \`${p.suggestion}\`?`,
    unknown: (p: { input: string }) => `I don't know \`${p.input}\`.`,
    noRole: "_You have no jxc role yet, so most commands are hidden. Ask an admin to give you one._",
    footer: "Language: `/jxc lang en` · `/jxc lang zh`",
  },
  commands: {
    stock: "Stock on hand, reserved and available, by warehouse and bin",
    adjust: "Record damaged, lost or found stock; large adjustments wait for the warehouse supervisor",
    move: "Move stock between bins or warehouses (its value moves with it)",
    approve: "What waits for your approval, with Approve and Reject buttons",
    "jxc delegate": "Let someone decide your approvals while you are away, e.g. `next week`",
    "jxc policy": "Who approves what, from which amount, and how long before reminders (admins)",
    "jxc roles": "Who holds which role",
    "jxc role": "Give or take away a role (admins)",
    "jxc import":
      "Import a CSV file of items, opening stock, suppliers, customers, bins or supplier prices (admins)",
    "jxc check": "Rebuild stock balances from the ledger and report any difference",
    "jxc channel": "Which channel each department's notices go to",
    "jxc channel set": "Set a department's channel (admins)",
    "jxc route": "Who hears of each kind of event",
    "jxc route edit": "Change who hears of an event, or go back to the default (admins)",
    po: "Purchase orders: a form, or one line like `/po ACME 100 SKU-1 @ 2.50 by next friday`; approval by amount",
    "po plan":
      "Purchase plan: what to buy from whom and why, from stock, orders and the issues of the last 90 days",
    "po show": "Show a purchase order with all its terms, and the moves you may make",
    receive: "Receive goods against a sent PO: inspect, reject with a reason, put away into bins",
    supplier: "Show a supplier: contacts, terms, lead time, quality notes, items and prices, recent POs",
    "supplier edit": "Add, edit or archive a supplier; set an item's price, MOQ and pack size from its card",
    "supplier items": "Every item on a supplier's price list with its MOQ, pack size and lead time",
    "supplier score":
      "A supplier's scorecard: on-time delivery, quality, price variance and compliance, e.g. `last month`",
    "po plan settings":
      "The purchase plan's demand window and review period (purchasing managers change them)",
    "jxc budget": "The monthly purchasing budget shown on PO approvals (admins, finance supervisor)",
    "jxc help": "Show this help",
    "jxc lang": "Choose your language: `en` (English) or `zh` (简体中文)",
    "jxc outbox": "How the app's messages are getting out; retry the ones that failed (admins)",
    count: "Stocktakes: start a blind count of a warehouse, a zone, bins or items; open counts",
    "count work":
      "Count a stocktake in a form, then finish it: small variances post at once, large ones wait for the warehouse supervisor",
    "jxc lowstock": "Items at or below their reorder point now, and how alerts arrive",
    "jxc lowstock digest": "One low-stock digest each morning instead of single alerts, or back (admins)",
    "jxc slotting":
      "Suggested bin moves that put the fastest movers nearest the door, each with a Move button",
  },
  stock: {
    onHand: "On hand",
    reserved: "Reserved",
    available: "Available",
    onOrder: "On order",
    value: "Stock value",
    averageCost: "Average cost",
    lowStock: (p: { reorderPoint: string }) =>
      `:warning: *Low stock* — at or below the reorder point of ${p.reorderPoint}`,
    byLocation: "By warehouse and bin",
    nothingStocked: "_No stock in any bin._",
    moreBins: (p: { count: number }) => `…and ${p.count} more bins`,
    share: "Share in channel",
    sharedBy: (p: { user: string }) => `Shared by <@${p.user}>`,
    matches: (p: { total: number; query: string; from: number; to: number }) =>
      `${p.total} items match \`${p.query}\` (showing ${p.from}–${p.to})`,
    details: "Details",
    previous: "◀ Previous",
    next: "Next ▶",
    noMatch: (p: { query: string }) => `No item matches \`${p.query}\`.`,
    suggestions: "Did you mean:",
    inWarehouse: (p: { warehouse: string }) => `in ${p.warehouse}`,
  },
  pickers: {
    item: "Search SKU, barcode or name",
  },
  roles: {
    title: "Roles",
    nobody: "_nobody yet_",
    granted: (p: { user: string; role: string }) => `Done — <@${p.user}> is now ${p.role}.`,
    alreadyHas: (p: { user: string; role: string }) => `<@${p.user}> already is ${p.role}; nothing changed.`,
    revoked: (p: { user: string; role: string }) => `Done — <@${p.user}> is no longer ${p.role}.`,
    didNotHave: (p: { user: string; role: string }) => `<@${p.user}> was not ${p.role}; nothing changed.`,
    usage: "Usage: `/jxc role @user add <role>` or `/jxc role @user remove <role>`",
  },
  ...enApprovals,
  ...enData,
  ...enAdmin,
  ...enPurchasing,
  ...enReceiving,
  ...enPlan,
  ...enCount,
  ...enReturns,
  ...enLowStock,
  ...enSlotting,
  ...enSuppliers,
  lang: {
    changed: "Done — jxc will talk to you in English.",
    usage: "Usage: `/jxc lang en` or `/jxc lang zh`",
  },
};

export type Catalog = typeof en;
