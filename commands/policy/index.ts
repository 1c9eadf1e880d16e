import type { BlockAction, ButtonAction } from "@slack/bolt";
import {
  isApprovalDocType,
  type PolicyTier,
  readPolicy,
  readTimers,
  setPolicy,
  setTimers,
} from "../../src/domain/approvals/index.ts";
import { JxcError } from "../../src/domain/errors.ts";
import { currencyDecimals, parseMoney } from "../../src/domain/money.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { isRole } from "../../src/domain/roles.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { type ViewSubmit, viewSubmission } from "../../src/slack/view-submission.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds, actionPatterns, callbackIds } from "../names.ts";
import { policyBlocks, policyModal, tierCount, timersModal } from "./modals.ts";

// Domain errors name fields `tierN` (and the timer names); each shows beside its input.
const fieldBlocks: Record<string, string> = {
  tiers: policyBlocks.amount(1),
  remindAfterHours: policyBlocks.remind,
  escalateAfterHours: policyBlocks.escalate,
};
for (let tier = 1; tier <= tierCount; tier += 1) fieldBlocks[`tier${tier}`] = policyBlocks.amount(tier);

/** The Edit buttons of `/jxc policy` and the two modals they open (admins only, checked at every step). */
export function registerPolicyEditing(router: SlackRouter, deps: CommandDeps): void {
  router.action<BlockAction<ButtonAction>>(
    actionPatterns.policyEdit,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "approvals.policy");
      const docType = click.actionId.slice(actionIds.policyEditPrefix.length);
      if (!isApprovalDocType(docType)) throw new JxcError("STALE_ACTION");
      await click.openModal(
        policyModal(docType, readPolicy(deps.db, docType), deps.company.currency, click.locale),
      );
    }),
  );
  router.action<BlockAction<ButtonAction>>(
    actionIds.policyTimers,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "approvals.policy");
      await click.openModal(timersModal(readTimers(deps.db), click.locale));
    }),
  );
  router.view(
    callbackIds.policyEdit,
    viewSubmission(deps.logger, { fieldBlocks, fallbackBlock: policyBlocks.amount(1) }, (submit) => {
      requirePermission(deps.db, submit.userId, "approvals.policy");
      const docType = submit.privateMetadata;
      if (!isApprovalDocType(docType)) throw new JxcError("STALE_ACTION");
      setPolicy(deps.db, deps.clock, {
        docType,
        tiers: readTiers(submit, deps.company.currency),
        actor: submit.userId,
      });
      return { close: true };
    }),
  );
  router.view(
    callbackIds.policyTimers,
    viewSubmission(deps.logger, { fieldBlocks, fallbackBlock: policyBlocks.remind }, (submit) => {
      requirePermission(deps.db, submit.userId, "approvals.policy");
      const hours = (block: string, field: string) => {
        const text = submit.value(block, block).trim();
        if (!/^\d{1,4}$/.test(text))
          throw new JxcError("INVALID_INPUT", { input: text, problem: "not_a_number" }, field);
        return Number(text);
      };
      setTimers(
        deps.db,
        deps.clock,
        {
          remindAfterHours: hours(policyBlocks.remind, "remindAfterHours"),
          escalateAfterHours: hours(policyBlocks.escalate, "escalateAfterHours"),
        },
        submit.userId,
      );
      return { close: true };
    }),
  );
}

/** The filled tiers, in order; an amount without a role (or the reverse) is refused beside it. */
function readTiers(submit: ViewSubmit, currency: string): PolicyTier[] {
  const tiers: PolicyTier[] = [];
  for (let tier = 1; tier <= tierCount; tier += 1) {
    const amount = submit.value(policyBlocks.amount(tier), policyBlocks.amount(tier)).trim();
    const role = submit.value(policyBlocks.role(tier), policyBlocks.role(tier));
    if (!amount && !role) continue;
    if (!amount || !isRole(role))
      throw new JxcError("INVALID_INPUT", { problem: "incomplete" }, `tier${tier}`);
    try {
      tiers.push({ minAmount: parseMoney(amount, currencyDecimals(currency)), role });
    } catch (error) {
      if (error instanceof JxcError) throw new JxcError(error.code, error.params, `tier${tier}`);
      throw error;
    }
  }
  return tiers;
}
