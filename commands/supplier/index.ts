import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import {
  archiveSupplier,
  findSupplierByCode,
  type SupplierInput,
  upsertSupplier,
} from "../../src/domain/catalogue/suppliers.ts";
import { JxcError } from "../../src/domain/errors.ts";
import { formatMoney } from "../../src/domain/money.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { recentPurchaseOrders } from "../../src/domain/purchasing/reads.ts";
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
import type { SlackRouter } from "../../src/slack/router.ts";
import { slashCommand } from "../../src/slack/slash-command.ts";
import { viewSubmission } from "../../src/slack/view-submission.ts";
import { formatDay } from "../../src/text/dates.ts";
import { parseJson } from "../../src/text/parse-json.ts";
import type { CommandDeps } from "../deps.ts";
import { callbackIds, slashCommands } from "../names.ts";
import { localName } from "../po/render.ts";
import { requireSupplier, type Supplier } from "../po/suppliers.ts";

const fieldNames = [
  "code",
  "name",
  "nameZh",
  "contact",
  "phone",
  "email",
  "paymentTermsDays",
  "leadTimeDays",
] as const;
const metadata = z.object({ code: z.string().nullable() });

/** `/supplier`: show one (contacts, terms, lead time, recent POs); add, edit and archive. */
export function registerSupplierCommand(router: SlackRouter, deps: CommandDeps): void {
  router.command(
    slashCommands.supplier,
    slashCommand(deps.logger, async (request) => {
      const { userId, locale } = request;
      const [verb = "", ...rest] = request.text.split(/\s+/).filter(Boolean);
      const argument = rest.join(" ");
      const m = messages(locale).supplier;
      switch (verb.toLowerCase()) {
        case "":
          requirePermission(deps.db, userId, "supplier.view");
          return { text: m.usage };
        case "add":
          requirePermission(deps.db, userId, "supplier.edit");
          await request.openModal(supplierModal(locale, undefined));
          return undefined;
        case "edit": {
          requirePermission(deps.db, userId, "supplier.edit");
          if (!argument) return { text: m.usage };
          await request.openModal(supplierModal(locale, requireSupplier(deps.db, argument)));
          return undefined;
        }
        case "archive": {
          requirePermission(deps.db, userId, "supplier.archive");
          if (!argument) return { text: m.usage };
          const supplier = requireSupplier(deps.db, argument);
          const { changed } = archiveSupplier(deps.db, deps.clock, { code: supplier.code, userId });
          return { text: (changed ? m.archived : m.alreadyArchived)({ code: supplier.code }) };
        }
        default:
          requirePermission(deps.db, userId, "supplier.view");
          return showSupplier(deps, requireSupplier(deps.db, request.text, { archived: true }), locale);
      }
    }),
  );

  router.view(
    callbackIds.supplier,
    viewSubmission(
      deps.logger,
      { fieldBlocks: Object.fromEntries(fieldNames.map((f) => [f, f])), fallbackBlock: "name" },
      (submit) => {
        requirePermission(deps.db, submit.userId, "supplier.edit");
        const meta = metadata.safeParse(parseJson(submit.privateMetadata));
        if (!meta.success) throw new JxcError("STALE_ACTION");
        const value = (field: string) => submit.value(field, field).trim();
        const code = meta.data.code ?? value("code");
        if (meta.data.code === null && findSupplierByCode(deps.db, code)) {
          throw new JxcError("DUPLICATE", { what: messages(submit.locale).supplier.code, key: code }, "code");
        }
        const days = (field: string) => {
          const text = value(field);
          if (!text) return undefined;
          if (!/^\d{1,4}$/.test(text)) {
            throw new JxcError("INVALID_INPUT", { input: text, problem: "not_a_number" }, field);
          }
          return Number(text);
        };
        const supplierInput: SupplierInput = {
          code,
          name: value("name"),
          nameZh: value("nameZh") || null,
          contact: value("contact") || null,
          phone: value("phone") || null,
          email: value("email") || null,
          leadTimeDays: days("leadTimeDays") ?? null,
        };
        const paymentTermsDays = days("paymentTermsDays");
        if (paymentTermsDays !== undefined) supplierInput.paymentTermsDays = paymentTermsDays;
        upsertSupplier(deps.db, supplierInput, { userId: submit.userId, at: deps.clock.now() });
        const saved = findSupplierByCode(deps.db, code);
        const m = messages(submit.locale).supplier;
        const shown = saved ? showSupplier(deps, saved, submit.locale) : { text: "" };
        return {
          update: {
            type: "modal",
            callback_id: `${callbackIds.supplier}_done`,
            title: { type: "plain_text", text: clip(m.modalEdit, limits.modalTitle) },
            close: {
              type: "plain_text",
              text: clip(messages(submit.locale).po.modal.done, limits.modalTitle),
            },
            blocks: [context([m.saved({ code })]), ...(shown.blocks ?? [])],
          },
        };
      },
    ),
  );
}

function showSupplier(deps: CommandDeps, supplier: Supplier, locale: Locale): EphemeralReply {
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
  const blocks: KnownBlock[] = [
    header(title),
    fields([
      `*${m.contact}*\n${or(supplier.contact)}`,
      `*${m.phone}*\n${or(supplier.phone)}`,
      `*${m.email}*\n${or(supplier.email)}`,
      `*${m.paymentTerms}*\n${m.days({ days: supplier.paymentTermsDays })}`,
      `*${m.leadTime}*\n${supplier.leadTimeDays === null ? po.none : m.days({ days: supplier.leadTimeDays })}`,
    ]),
    section(`*${m.recent}*\n${recent.length > 0 ? recent.join("\n") : m.noRecent}`),
  ];
  return { text: title, blocks };
}

function supplierModal(locale: Locale, supplier: Supplier | undefined): ModalView {
  const m = messages(locale).supplier;
  const text = (
    field: (typeof fieldNames)[number],
    label: string,
    initial: string | null | undefined,
    options: { optional?: boolean; hint?: string; max?: number } = {},
  ): KnownBlock => ({
    type: "input",
    block_id: field,
    optional: options.optional ?? true,
    label: { type: "plain_text", text: label },
    element: {
      type: "plain_text_input",
      action_id: field,
      max_length: options.max ?? 200,
      ...(initial ? { initial_value: initial } : {}),
      ...(options.hint ? { placeholder: { type: "plain_text", text: options.hint } } : {}),
    },
  });
  const blocks: KnownBlock[] = [];
  if (!supplier) blocks.push(text("code", m.code, undefined, { optional: false, hint: m.codeHint, max: 40 }));
  blocks.push(
    text("name", m.name, supplier?.name, { optional: false }),
    text("nameZh", m.nameZh, supplier?.nameZh),
    text("contact", m.contact, supplier?.contact),
    text("phone", m.phone, supplier?.phone),
    text("email", m.email, supplier?.email),
    text("paymentTermsDays", m.paymentTermsDays, supplier ? String(supplier.paymentTermsDays) : "30", {
      max: 4,
    }),
    text("leadTimeDays", m.leadTimeDays, supplier?.leadTimeDays?.toString(), { max: 4 }),
  );
  return {
    type: "modal",
    callback_id: callbackIds.supplier,
    private_metadata: JSON.stringify({ code: supplier?.code ?? null }),
    title: { type: "plain_text", text: clip(supplier ? m.modalEdit : m.modalAdd, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.save, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.cancel, limits.modalTitle) },
    blocks: supplier ? [section(`*${escapeMrkdwn(supplier.code)}*`), ...blocks] : blocks,
  };
}
