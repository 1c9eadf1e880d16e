import type { BlockAction, ButtonAction as SlackButton } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import { JxcError } from "../../src/domain/errors.ts";
import { formatMoney } from "../../src/domain/money.ts";
import { can, requirePermission } from "../../src/domain/permissions.ts";
import {
  createPurchaseOrder,
  movePurchaseOrder,
  type PurchaseOrderCreated,
} from "../../src/domain/purchasing/purchase-orders.ts";
import { type PurchaseOrderView, readPurchaseOrder } from "../../src/domain/purchasing/reads.ts";
import {
  actionPermissions,
  buttonActions,
  isButtonAction,
  linesEditable,
  purchaseOrderTransitions,
} from "../../src/domain/purchasing/states.ts";
import { type Role, rolesOf } from "../../src/domain/roles.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { clip, context, type EphemeralReply, limits, section, toEphemeral } from "../../src/slack/blocks.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { slashCommand } from "../../src/slack/slash-command.ts";
import { viewSubmission } from "../../src/slack/view-submission.ts";
import { todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds, actionPatterns, callbackIds, slashCommands } from "../names.ts";
import { approvalStepLines } from "../notices/purchase-order-card.ts";
import { registerItemPicker } from "../pickers/item-picker.ts";
import {
  FormErrors,
  itemPickerOfRow,
  modalLineRows,
  poFieldBlocks,
  purchaseOrderModal,
  readPurchaseOrderForm,
  toModalRow,
} from "./modal.ts";
import { answerPlanCommand, registerPlanButtons } from "./plan.ts";
import { parseQuickPurchaseOrder, type QuickProblem } from "./quick.ts";
import { renderPurchaseOrder } from "./render.ts";

const poNumber = /^PO-\d{1,9}$/i;

/**
 * `/po`: the form (no text), one PO by number, or the quick form. Both forms create the PO and
 * submit it for approval in one step: people write a PO to have it approved, and a rejected
 * one comes back as a draft they can submit again.
 */
export function registerPoCommand(router: SlackRouter, deps: CommandDeps): void {
  router.command(
    slashCommands.po,
    slashCommand(deps.logger, async (request) => {
      const { text, userId, locale } = request;
      if (poNumber.test(text)) {
        requirePermission(deps.db, userId, "po.view");
        const po = readPurchaseOrder(deps.db, text);
        if (!po) throw new JxcError("NOT_FOUND", { what: text.toUpperCase() });
        return showPurchaseOrder(deps, po, userId, locale);
      }
      const [first, ...rest] = text.split(/\s+/);
      if (first !== undefined && /^(plan|计划|采购计划)$/i.test(first)) {
        return answerPlanCommand(deps, rest, request);
      }
      requirePermission(deps.db, userId, "po.create");
      if (text === "") {
        await request.openModal(purchaseOrderModal(locale));
        return undefined;
      }
      if (/^(help|帮助|\?)$/i.test(text)) return { text: messages(locale).po.usage };
      const now = deps.clock.now();
      const parsed = parseQuickPurchaseOrder(deps.db, text, { company: deps.company, now, locale });
      if ("kind" in parsed) return { text: problemText(parsed, locale) };
      const created = createPurchaseOrder(deps.db, deps.clock, {
        ...parsed,
        currency: deps.company.currency,
        userId,
        today: todayIn(deps.company.timeZone, now),
        timeZone: deps.company.timeZone,
        submit: true,
      });
      deps.notifier.kick();
      return createdReply(deps, created, userId, locale);
    }),
  );

  registerPlanButtons(router, deps);

  for (let n = 1; n <= modalLineRows; n += 1) registerItemPicker(router, deps, itemPickerOfRow(n));

  router.view(
    callbackIds.purchaseOrder,
    viewSubmission(deps.logger, { fieldBlocks: poFieldBlocks(), fallbackBlock: "po_expected" }, (submit) => {
      requirePermission(deps.db, submit.userId, "po.create");
      const now = deps.clock.now();
      let form: ReturnType<typeof readPurchaseOrderForm>;
      try {
        form = readPurchaseOrderForm(deps.db, submit, { company: deps.company, now });
      } catch (error) {
        if (error instanceof FormErrors) return { errors: error.errors };
        throw error;
      }
      let created: PurchaseOrderCreated;
      try {
        created = createPurchaseOrder(deps.db, deps.clock, {
          supplierId: form.supplierId,
          lines: form.lines,
          expectedDay: form.expectedDay,
          deliveryTerms: form.deliveryTerms,
          qualityStandard: form.qualityStandard,
          paymentTermsDays: form.paymentTermsDays,
          notes: form.notes,
          currency: deps.company.currency,
          userId: submit.userId,
          today: todayIn(deps.company.timeZone, now),
          timeZone: deps.company.timeZone,
          submit: true,
        });
      } catch (error) {
        throw toModalRow(error, form.rows);
      }
      deps.notifier.kick();
      const reply = createdReply(deps, created, submit.userId, submit.locale);
      return { update: doneView(reply, submit.locale) };
    }),
  );

  router.action<BlockAction<SlackButton>>(
    actionPatterns.poMove,
    buttonAction(deps.logger, async (click) => {
      const action = click.actionId.slice(actionIds.poMovePrefix.length);
      const id = Number(click.value);
      if (!isButtonAction(action) || !Number.isSafeInteger(id)) throw new JxcError("STALE_ACTION");
      const result = movePurchaseOrder(deps.db, deps.clock, {
        id,
        action,
        userId: click.userId,
        today: todayIn(deps.company.timeZone, deps.clock.now()),
        timeZone: deps.company.timeZone,
      });
      deps.notifier.kick();
      const po = readPurchaseOrder(deps.db, id);
      if (!po) throw new JxcError("STALE_ACTION");
      const m = messages(click.locale).po;
      const notice = m.moved({ number: result.number, status: m.statuses[result.status] });
      const shown = showPurchaseOrder(deps, po, click.userId, click.locale, notice);
      await click.respond({ ...toEphemeral(shown), replace_original: true });
    }),
  );
}

/** The PO for one person: the contract, its approval steps, and the moves their roles allow now. */
export function showPurchaseOrder(
  deps: CommandDeps,
  po: PurchaseOrderView,
  userId: string,
  locale: Locale,
  notice?: string,
): EphemeralReply {
  const rendered = renderPurchaseOrder(po, locale, deps.company, {
    steps: approvalStepLines(deps.db, "purchase_order", po.id, locale),
  });
  const blocks: KnownBlock[] = [...(notice ? [context([notice])] : []), ...rendered.blocks];
  const buttons = allowedButtons(po, rolesOf(deps.db, userId), userId);
  if (buttons.length > 0) {
    const m = messages(locale).po.buttons;
    blocks.push({
      type: "actions",
      block_id: `po_actions_${po.id}`,
      elements: buttons.map((action) => ({
        type: "button" as const,
        action_id: `${actionIds.poMovePrefix}${action}`,
        text: { type: "plain_text" as const, text: clip(m[action], limits.buttonText) },
        value: String(po.id),
        ...(action === "submit" || action === "send" ? { style: "primary" as const } : {}),
        ...(action === "cancel" ? { style: "danger" as const } : {}),
      })),
    });
  }
  return { text: notice ?? rendered.text, blocks };
}

/** Buttons are a convenience; every click is checked again on the server. */
function allowedButtons(po: PurchaseOrderView, held: ReadonlySet<Role>, userId: string) {
  return buttonActions.filter((action) => {
    if (purchaseOrderTransitions[po.status][action] === undefined) return false;
    if (action === "cancel" && po.status === "on_hold" && po.heldFrom === "partially_received") return false;
    const ownEarly = action === "cancel" && po.createdBy === userId && linesEditable(po.status);
    return can(held, actionPermissions[action]) || (ownEarly && can(held, "po.create"));
  });
}

function createdReply(
  deps: CommandDeps,
  created: PurchaseOrderCreated,
  userId: string,
  locale: Locale,
): EphemeralReply {
  const m = messages(locale).po;
  const total = formatMoney(created.total, deps.company.currency, locale);
  const roleNames = messages(locale).roleNames;
  const text =
    created.status === "pending_approval"
      ? m.pending({
          number: created.number,
          total,
          roles: created.approverRoles.map((r) => roleNames[r]).join(" → "),
        })
      : created.status === "approved"
        ? m.approvedAtOnce({ number: created.number, total })
        : m.draftSaved({ number: created.number, total });
  const po = readPurchaseOrder(deps.db, created.id);
  return po ? showPurchaseOrder(deps, po, userId, locale, text) : { text };
}

function doneView(reply: EphemeralReply, locale: Locale): ModalView {
  const m = messages(locale).po.modal;
  // A modal's actions would need their own response path; the confirmation only informs.
  const blocks = (reply.blocks ?? [section(reply.text)]).filter((b) => b.type !== "actions");
  return {
    type: "modal",
    callback_id: `${callbackIds.purchaseOrder}_done`,
    title: { type: "plain_text", text: clip(m.title, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.done, limits.modalTitle) },
    blocks,
  };
}

function problemText(problem: QuickProblem, locale: Locale): string {
  const m = messages(locale).po;
  switch (problem.kind) {
    case "noDate":
      return `${m.quick.noDate}\n${m.usage}`;
    case "badLine":
      return `${m.quick.badLine({ input: problem.input })}\n${m.usage}`;
    case "noPrice":
      return m.quick.noPrice({ sku: problem.sku });
    default:
      return m.usage;
  }
}
