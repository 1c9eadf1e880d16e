import type { KnownBlock } from "@slack/types";
import { formatMoney } from "../../src/domain/money.ts";
import { can } from "../../src/domain/permissions.ts";
import { recentPurchaseOrders } from "../../src/domain/purchasing/reads.ts";
import { listSupplierItems } from "../../src/domain/purchasing/supplier-terms-reads.ts";
import { rolesOf } from "../../src/domain/roles.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import {
  clip,
  context,
  type EphemeralReply,
  fields,
  header,
  limits,
  section,
} from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { formatDay, todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds } from "../names.ts";
import { localName } from "../po/render.ts";
import type { Supplier } from "../po/suppliers.ts";
import { termsBlocks, termsListBlocks } from "./terms-render.ts";

/** How many of a supplier's items its card lists (each with a button): the rest are one command away. */
const cardItems = 8;

/**
 * `/supplier <code>`: contacts, payment terms, lead time, quality notes, its items and prices
 * (with Edit buttons for people who may change them) and the last five POs.
 */
export function supplierCard(
  deps: CommandDeps,
  supplier: Supplier,
  locale: Locale,
  userId: string,
): EphemeralReply {
  const m = messages(locale).supplier;
  const po = messages(locale).po;
  const name = localName(locale, supplier.name, supplier.nameZh);
  const title = `${m.title({ code: supplier.code, name })}${supplier.archived ? m.archivedTag : ""}`;
  const or = (value: string | null) => (value ? escapeMrkdwn(value) : po.none);
  const recent = recentPurchaseOrders(deps.db, supplier.id).map((row) =>
    m.recentLine({
      number: row.number,
      status: po.statuses[row.status],
      expected: formatDay(row.expectedDay, locale),
      total: formatMoney(row.total, deps.company.currency, locale),
    }),
  );
  const today = todayIn(deps.company.timeZone, deps.clock.now());
  const page = listSupplierItems(deps.db, supplier.id, today, { limit: cardItems });
  const held = rolesOf(deps.db, userId);
  const blocks: KnownBlock[] = [
    header(title),
    fields([
      `*${m.contact}*\n${or(supplier.contact)}`,
      `*${m.phone}*\n${or(supplier.phone)}`,
      `*${m.email}*\n${or(supplier.email)}`,
      `*${m.paymentTerms}*\n${m.days({ days: supplier.paymentTermsDays })}`,
      `*${m.leadTime}*\n${supplier.leadTimeDays === null ? po.none : m.days({ days: supplier.leadTimeDays })}`,
    ]),
  ];
  if (supplier.qualityNotes) {
    blocks.push(
      section(`*${messages(locale).supplierTerms.qualityNotes}*\n> ${escapeMrkdwn(supplier.qualityNotes)}`),
    );
  }
  blocks.push(
    ...termsBlocks(page, {
      supplierId: supplier.id,
      code: supplier.code,
      locale,
      currency: deps.company.currency,
      canEdit: !supplier.archived && can(held, "supplier.edit"),
    }),
    section(`*${m.recent}*\n${recent.length > 0 ? recent.join("\n") : m.noRecent}`),
  );
  if (can(held, "supplier.score")) {
    blocks.push({
      type: "actions",
      block_id: `supplier_actions_${supplier.id}`,
      elements: [
        {
          type: "button",
          action_id: actionIds.supplierScore,
          text: { type: "plain_text", text: clip(messages(locale).scorecard.button, limits.buttonText) },
          value: String(supplier.id),
        },
      ],
    });
  }
  return { text: title, blocks };
}

/** The most a supplier's whole list shows in one message: sections of lines within Slack's limits. */
const listItems = 200;

/** `/supplier items <code>`: every item on the supplier's list with its terms (the first 200). */
export function supplierItemsList(deps: CommandDeps, supplier: Supplier, locale: Locale): EphemeralReply {
  const m = messages(locale).supplierTerms;
  const today = todayIn(deps.company.timeZone, deps.clock.now());
  const page = listSupplierItems(deps.db, supplier.id, today, { limit: listItems });
  const title = m.listTitle({ code: supplier.code, name: localName(locale, supplier.name, supplier.nameZh) });
  const blocks: KnownBlock[] = [header(title), context([m.count({ count: page.total })])];
  if (page.total === 0) blocks.push(section(m.none));
  // 200 lines of ~120 characters fill about 8 sections: far inside the 50-block limit.
  blocks.push(...termsListBlocks(page.lines, locale, deps.company.currency));
  if (page.total > page.lines.length) {
    blocks.push(
      context([m.more({ count: page.total - page.lines.length, code: escapeMrkdwn(supplier.code) })]),
    );
  }
  return { text: title, blocks };
}
