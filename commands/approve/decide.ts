import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { z } from "zod";
import { decideApproval, readApproval, requireMayDecide } from "../../src/domain/approvals/index.ts";
import { JxcError } from "../../src/domain/errors.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { type ButtonClick, buttonAction } from "../../src/slack/block-action.ts";
import { clip, limits, section, toEphemeral } from "../../src/slack/blocks.ts";
import { replaceViaResponseUrl } from "../../src/slack/response-url.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { viewSubmission } from "../../src/slack/view-submission.ts";
import { todayIn } from "../../src/text/dates.ts";
import { parseJson } from "../../src/text/parse-json.ts";
import type { CommandDeps } from "../deps.ts";
import { renderHome } from "../home/render.ts";
import { actionPatterns, callbackIds } from "../names.ts";
import { parseDecisionToken, renderApprovalCard } from "./card.ts";
import { renderPendingList } from "./list.ts";

const reasonBlock = "reason";
const reasonAction = "reason_input";
const rejectMetadata = z.object({
  requestId: z.number().int(),
  tier: z.number().int(),
  responseUrl: z.string(),
  fromList: z.boolean(),
});

/** Approve and Reject on approval cards (DMs and the /approve list), and the reject-reason modal. */
export function registerApprovalDecisions(router: SlackRouter, deps: CommandDeps): void {
  router.action<BlockAction<ButtonAction>>(
    actionPatterns.approvalApprove,
    buttonAction(deps.logger, async (click) => {
      const token = parseDecisionToken(click.value);
      if (!token) throw new JxcError("STALE_ACTION");
      const result = decideApproval(deps.db, deps.clock, {
        ...token,
        userId: click.userId,
        verdict: "approve",
        day: todayIn(deps.company.timeZone, deps.clock.now()),
      });
      deps.notifier.kick();
      const names = messages(click.locale).roleNames as Record<string, string>;
      const next =
        result.nextTier === null ? "" : nextRoleName(deps, token.requestId, result.nextTier, names);
      const notice = messages(click.locale).approvals.youApproved({ number: result.docNumber, next });
      if (click.onHome) {
        await click.publishHome(renderHome(deps, click.userId, click.locale).blocks);
        return;
      }
      await refreshClicked(
        deps,
        { ...token, fromList: click.messageTs === undefined, responseUrl: click.responseUrl },
        click.userId,
        click.locale,
        notice,
      );
    }),
  );

  router.action<BlockAction<ButtonAction>>(
    actionPatterns.approvalReject,
    buttonAction(deps.logger, async (click) => {
      const token = parseDecisionToken(click.value);
      const view = token && readApproval(deps.db, token.requestId);
      if (!token || !view) throw new JxcError("STALE_ACTION");
      // Whoever may not decide hears it now, not after typing a reason.
      requireMayDecide(deps.db, {
        ...token,
        userId: click.userId,
        day: todayIn(deps.company.timeZone, deps.clock.now()),
      });
      await click.openModal(
        rejectModal(click, view.docNumber, {
          ...token,
          responseUrl: click.responseUrl,
          fromList: click.messageTs === undefined,
        }),
      );
    }),
  );

  router.view(
    callbackIds.approvalReject,
    viewSubmission(
      deps.logger,
      { fieldBlocks: { reason: reasonBlock }, fallbackBlock: reasonBlock },
      (submit) => {
        const metadata = rejectMetadata.safeParse(parseJson(submit.privateMetadata));
        if (!metadata.success) throw new JxcError("STALE_ACTION");
        const target = metadata.data;
        const result = decideApproval(deps.db, deps.clock, {
          requestId: target.requestId,
          tier: target.tier,
          userId: submit.userId,
          verdict: "reject",
          reason: submit.value(reasonBlock, reasonAction),
          day: todayIn(deps.company.timeZone, deps.clock.now()),
        });
        deps.notifier.kick();
        const notice = messages(submit.locale).approvals.youRejected({ number: result.docNumber });
        return {
          close: true,
          after: () => refreshClicked(deps, target, submit.userId, submit.locale, notice),
        };
      },
    ),
  );
}

function nextRoleName(
  deps: CommandDeps,
  requestId: number,
  tier: number,
  names: Record<string, string>,
): string {
  const role = readApproval(deps.db, requestId)?.steps.find((s) => s.tier === tier)?.role ?? "";
  return names[role] ?? role;
}

/** Redraws the message that was clicked: the card itself, or the whole /approve list. */
async function refreshClicked(
  deps: CommandDeps,
  target: { requestId: number; tier: number; responseUrl: string; fromList: boolean },
  userId: string,
  locale: Locale,
  notice: string,
): Promise<void> {
  const view = readApproval(deps.db, target.requestId);
  // A card on the Home tab has no response URL; the Home tab is republished by the outbox.
  if (!view || target.responseUrl === "") return;
  const message = target.fromList
    ? renderPendingList(deps, userId, locale, notice)
    : renderApprovalCard(view, locale, deps.company, { tier: target.tier });
  await replaceViaResponseUrl(target.responseUrl, target.fromList ? toEphemeral(message) : message);
}

function rejectModal(
  click: ButtonClick,
  number: string,
  metadata: z.infer<typeof rejectMetadata>,
): ModalView {
  const m = messages(click.locale).approvals;
  return {
    type: "modal",
    callback_id: callbackIds.approvalReject,
    private_metadata: JSON.stringify(metadata),
    title: { type: "plain_text", text: clip(m.rejectTitle, limits.modalTitle) },
    submit: { type: "plain_text", text: clip(m.rejectSubmit, limits.modalTitle) },
    close: { type: "plain_text", text: clip(m.rejectCancel, limits.modalTitle) },
    blocks: [
      section(m.rejectIntro({ number })),
      {
        type: "input",
        block_id: reasonBlock,
        label: { type: "plain_text", text: m.reasonLabel },
        element: {
          type: "plain_text_input",
          action_id: reasonAction,
          multiline: true,
          max_length: 500,
          placeholder: { type: "plain_text", text: m.reasonHint },
        },
      },
    ],
  };
}
