import type { KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import {
  archiveSupplier,
  findSupplierByCode,
  maxNotesLength,
  type SupplierInput,
  upsertSupplier,
} from "../../src/domain/catalogue/suppliers.ts";
import { JxcError } from "../../src/domain/errors.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { clip, context, limits, section } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { slashCommand } from "../../src/slack/slash-command.ts";
import { viewSubmission } from "../../src/slack/view-submission.ts";
import { parseJson } from "../../src/text/parse-json.ts";
import type { CommandDeps } from "../deps.ts";
import { callbackIds, slashCommands } from "../names.ts";
import { requireSupplier, type Supplier } from "../po/suppliers.ts";
import { supplierCard, supplierItemsList } from "./card.ts";
import { answerScore, registerScoreButton } from "./score.ts";

const fieldNames = [
  "code",
  "name",
  "nameZh",
  "contact",
  "phone",
  "email",
  "paymentTermsDays",
  "leadTimeDays",
  "qualityNotes",
] as const;
const metadata = z.object({ code: z.string().nullable() });

/** `/supplier`: show one (contacts, terms, lead time, recent POs); add, edit and archive. */
export function registerSupplierCommand(router: SlackRouter, deps: CommandDeps): void {
  registerScoreButton(router, deps);
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
        case "score":
        case "评分":
          if (!argument) {
            requirePermission(deps.db, userId, "supplier.score");
            return { text: messages(locale).scorecard.usage };
          }
          return answerScore(deps, argument, userId, locale);
        case "items":
        case "物料": {
          requirePermission(deps.db, userId, "supplier.view");
          if (!argument) return { text: m.usage };
          return supplierItemsList(deps, requireSupplier(deps.db, argument, { archived: true }), locale);
        }
        default:
          requirePermission(deps.db, userId, "supplier.view");
          return supplierCard(
            deps,
            requireSupplier(deps.db, request.text, { archived: true }),
            locale,
            userId,
          );
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
          qualityNotes: value("qualityNotes") || null,
        };
        const paymentTermsDays = days("paymentTermsDays");
        if (paymentTermsDays !== undefined) supplierInput.paymentTermsDays = paymentTermsDays;
        upsertSupplier(deps.db, supplierInput, { userId: submit.userId, at: deps.clock.now() });
        const saved = findSupplierByCode(deps.db, code);
        const m = messages(submit.locale).supplier;
        const shown = saved ? supplierCard(deps, saved, submit.locale, submit.userId) : { text: "" };
        return {
          update: {
            type: "modal",
            callback_id: `${callbackIds.supplier}_done`,
            title: { type: "plain_text", text: clip(m.modalEdit, limits.modalTitle) },
            close: {
              type: "plain_text",
              text: clip(messages(submit.locale).po.modal.done, limits.modalTitle),
            },
            // Buttons in a modal would need their own handling; the saved card only informs.
            blocks: [
              context([m.saved({ code })]),
              ...(shown.blocks ?? []).filter((b) => b.type !== "actions" && !("accessory" in b)),
            ],
          },
        };
      },
    ),
  );
}

function supplierModal(locale: Locale, supplier: Supplier | undefined): ModalView {
  const m = messages(locale).supplier;
  const text = (
    field: (typeof fieldNames)[number],
    label: string,
    initial: string | null | undefined,
    options: { optional?: boolean; hint?: string; max?: number; multiline?: boolean } = {},
  ): KnownBlock => ({
    type: "input",
    block_id: field,
    optional: options.optional ?? true,
    label: { type: "plain_text", text: label },
    element: {
      type: "plain_text_input",
      action_id: field,
      max_length: options.max ?? 200,
      ...(options.multiline ? { multiline: true } : {}),
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
    text("qualityNotes", messages(locale).supplierTerms.qualityNotes, supplier?.qualityNotes, {
      max: maxNotesLength,
      multiline: true,
      hint: messages(locale).supplierTerms.qualityHint,
    }),
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
