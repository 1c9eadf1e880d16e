import type { BlockAction, ButtonAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { Clock } from "../../src/domain/clock.ts";
import { JxcError } from "../../src/domain/errors.ts";
import {
  deliveryStatuses,
  type FailedDelivery,
  type OutboxSummary,
  retryDelivery,
  summarizeOutbox,
} from "../../src/domain/outbox.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { buttonAction } from "../../src/slack/block-action.ts";
import { clip, type EphemeralReply, header, limits, section, toEphemeral } from "../../src/slack/blocks.ts";
import { isUserId } from "../../src/slack/mentions.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds, actionPatterns } from "../names.ts";

/** `/jxc outbox`: how the app's messages are getting out, with a Retry button per failure. */
export function showOutbox(deps: CommandDeps, request: SlashRequest): EphemeralReply {
  return renderOutbox(deps, request.locale);
}

/** The Retry button: permission checked again on click; a delivery no longer failed is a stale click. */
export function registerOutboxRetry(router: SlackRouter, deps: CommandDeps): void {
  router.action<BlockAction<ButtonAction>>(
    actionPatterns.outboxRetry,
    buttonAction(deps.logger, async (click) => {
      requirePermission(deps.db, click.userId, "outbox.manage");
      const id = Number(click.value);
      if (!Number.isSafeInteger(id)) throw new JxcError("STALE_ACTION");
      retryDelivery(deps.db, deps.clock, click.userId, id);
      deps.notifier.kick();
      const lead = messages(click.locale).outbox.retried({ id });
      await click.respond({ ...toEphemeral(renderOutbox(deps, click.locale, lead)), replace_original: true });
    }),
  );
}

function renderOutbox(deps: CommandDeps, locale: Locale, lead?: string): EphemeralReply {
  const m = messages(locale).outbox;
  const summary = summarizeOutbox(deps.db);
  const now = deps.clock.now();
  const counts = deliveryStatuses
    .map((status) => `${m.statuses[status]} *${summary.counts[status]}*`)
    .join(" · ");
  const waiting = [counts, ...waitingLines(summary, now, locale)];
  const blocks: KnownBlock[] = [
    ...(lead ? [section(lead)] : []),
    header(m.title),
    section(waiting.join("\n")),
    section(`*${summary.failures.length > 0 ? m.failures : m.noFailures}*`),
    ...summary.failures.map((failure) => failureBlock(failure, locale, deps.clock)),
  ];
  const lines = summary.failures.map((failure) => failureLine(failure, locale, deps.clock));
  return { text: [lead, m.title, ...waiting, ...lines].filter(Boolean).join("\n"), blocks };
}

/** What is owed and since when; events not yet planned are owed too (a planner may be failing). */
function waitingLines(summary: OutboxSummary, now: number, locale: Locale): string[] {
  const m = messages(locale).outbox;
  const { oldestOpenAt, unplanned } = summary;
  const lines: string[] = [];
  if (oldestOpenAt !== undefined) lines.push(m.oldestWaiting({ age: age(now - oldestOpenAt, locale) }));
  if (unplanned.oldestAt !== undefined) {
    lines.push(m.unplanned({ count: unplanned.count, age: age(now - unplanned.oldestAt, locale) }));
  }
  return lines.length > 0 ? lines : [m.nothingWaiting];
}

function failureBlock(failure: FailedDelivery, locale: Locale, clock: Clock): KnownBlock {
  return {
    type: "section",
    text: { type: "mrkdwn", text: clip(failureLine(failure, locale, clock), limits.sectionText) },
    accessory: {
      type: "button",
      action_id: `${actionIds.outboxRetryPrefix}${failure.id}`,
      text: { type: "plain_text", text: messages(locale).outbox.retry },
      value: String(failure.id),
    },
  };
}

function failureLine(failure: FailedDelivery, locale: Locale, clock: Clock): string {
  const m = messages(locale).outbox;
  const target =
    failure.kind === "home"
      ? m.homeOf({ user: failure.target })
      : isUserId(failure.target)
        ? `<@${failure.target}>`
        : `<#${failure.target}>`;
  return m.failure({
    id: failure.id,
    kind: m.kinds[failure.kind],
    target,
    template: escapeMrkdwn(failure.template),
    error: escapeMrkdwn(failure.error),
    attempts: failure.attempts,
    age: age(clock.now() - failure.createdAt, locale),
  });
}

/** "42 s", "5 min", "3 h", "2 d" (or 秒/分钟/小时/天): the largest unit that fits. */
function age(ms: number, locale: Locale): string {
  const m = messages(locale).outbox.age;
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return m.seconds({ n: seconds });
  if (seconds < 3600) return m.minutes({ n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return m.hours({ n: Math.floor(seconds / 3600) });
  return m.days({ n: Math.floor(seconds / 86_400) });
}
