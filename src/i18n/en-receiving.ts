import type { RejectReason } from "../../db/tables/receiving.ts";
import type { ErrorParams } from "../domain/errors.ts";
import type { PurchaseOrderStatus } from "../domain/purchasing/states.ts";
import type { Role } from "../domain/roles.ts";
import { poStatusNames } from "./en-purchasing.ts";
import { roleList } from "./role-list.ts";

/** "U1,U2" → "<@U1>, <@U2>". */
export const mentions = (ids: string | number) =>
  String(ids)
    .split(",")
    .filter(Boolean)
    .map((id) => `<@${id}>`)
    .join(", ");

/** The receiving error codes' texts, spread into the catalogue's errors (which owns the role names). */
export const enReceivingErrors = (roleNames: Record<Role, string>) => ({
  RECEIPT_WAITING: (p: ErrorParams) => {
    const who = `${roleList(p.role ?? "", roleNames)}${p.people ? ` (${mentions(p.people)})` : ""}`;
    const blocked =
      p.action === "settle"
        ? `rejects on ${p.number} cannot be accepted anyway or returned`
        : `nothing more can be received against ${p.number}`;
    return `${p.receipt} is over the tolerance and still waits for approval by ${who}, so ${blocked} until it is approved or rejected; nothing was changed.`;
  },
  RECEIPT_OVERTAKEN: (p: ErrorParams) =>
    `${p.number} is ${poStatusNames[p.status as PurchaseOrderStatus] ?? p.status} now, so ${p.receipt} cannot be posted; nothing was changed. ${p.status === "on_hold" ? `Approve it once ${p.number} is resumed, or reject it` : "Reject it"} to send the goods back to the supplier.`,
});

// English for receiving goods against purchase orders (/receive).
export const enReceiving = {
  receive: {
    usage:
      "Usage: `/receive PO-000001` opens the receiving form (received, accepted, rejected with a reason, bin for each open line); `/receive PO-000001 all [WAREHOUSE/BIN]` accepts every open quantity.",
    reasons: {
      damaged: "damaged",
      wrong_spec: "wrong spec",
      quality: "quality",
      short: "short",
    } satisfies Record<RejectReason, string>,
    nothingOpen: (p: { number: string }) => `Everything on *${p.number}* has been received; nothing is open.`,
    noBin: (p: { sku: string; number: string }) =>
      `${p.sku} has no bin with stock yet: say where it goes, e.g. \`/receive ${p.number} all MAIN/A-01\`.`,
    badBin: (p: { input: string }) =>
      `\`${p.input}\` is not a bin: type it as WAREHOUSE/BIN, e.g. MAIN/A-01.`,
    /** "80 accepted, 20 rejected (damaged) into MAIN/A-01" */
    summary: (p: { accepted: number; rejected: number; reasons: string; places: string }) =>
      [
        `${p.accepted.toLocaleString("en")} accepted`,
        p.rejected > 0 ? `, ${p.rejected.toLocaleString("en")} rejected (${p.reasons})` : "",
        p.places ? ` into ${p.places}` : "",
      ].join(""),
    posted: (p: { receipt: string; number: string; summary: string; status: string }) =>
      `:package: *${p.receipt}* for *${p.number}*: ${p.summary}. ${p.number} is now ${p.status}.`,
    thread: (p: { receipt: string; summary: string; status: string; by: string }) =>
      `:package: ${p.receipt}: ${p.summary}, received by ${p.by}; now ${p.status}.`,
    returnPending:
      "Rejected goods stay out of stock and on order until purchasing decides in the PO's thread: return, replace or accept anyway.",
    modal: {
      title: "Receive goods",
      submit: "Post receipt",
      close: "Cancel",
      done: "Close",
      intro: (p: { number: string; supplier: string; tolerance: number }) =>
        `*${p.number}* · ${p.supplier}. Fill in what arrived for each line (leave *received* empty to skip a line). Accepted + rejected must equal received; up to ${p.tolerance}% over the ordered quantity posts at once; more waits for the warehouse supervisor's approval.`,
      more: (p: { count: number; number: string }) =>
        `${p.count} more open lines: post this receipt, then \`/receive ${p.number}\` again.`,
      received: (p: { sku: string; open: string }) => `${p.sku} · received (open ${p.open})`,
      accepted: (p: { sku: string }) => `${p.sku} · accepted`,
      acceptedHint: "empty: received − rejected",
      rejected: (p: { sku: string }) => `${p.sku} · rejected`,
      reason: (p: { sku: string }) => `${p.sku} · reason for rejecting`,
      bin: (p: { sku: string }) => `${p.sku} · bin (WAREHOUSE/BIN)`,
      empty: "Fill in the received quantity of at least one line.",
    },
  },
};
