import type { Company } from "../../commands/deps.ts";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { Logger } from "../log.ts";
import { isUserId } from "../slack/mentions.ts";
import type { RenderedMessage } from "./contract.ts";
import {
  type DeliveryRow,
  laneHeads,
  laneOf,
  markDelivered,
  markFailed,
  markSending,
  markSkipped,
  reschedule,
  skipSuperseded,
} from "./delivery-store.ts";
import { warnAdminsNotInChannel } from "./not-in-channel.ts";
import { backoffMs, type Pacing } from "./pacing.ts";
import { findPosted } from "./recovery.ts";
import { RenderError } from "./render.ts";
import type { SlackGateway, SlackMethod, SlackResult } from "./slack-gateway.ts";
import { type Placement, placementOf } from "./threads.ts";

export interface WorkerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  company: Company;
  gateway: SlackGateway;
  pacing: Pacing;
  render: (row: DeliveryRow) => Promise<RenderedMessage>;
  maxAttempts: number;
  backoff: { baseMs: number; maxMs: number };
}

/** What one lane did: moved on, must wait a known time, or waits on another delivery. */
type Step = { kind: "progressed" } | { kind: "wait"; ms: number } | { kind: "blocked" };

const progressed: Step = { kind: "progressed" };

/**
 * One sweep: the oldest open delivery of each lane gets its turn, in id order, so messages to
 * a channel keep their order while a slow or rate-limited channel holds up no other.
 */
export async function sweepLanes(deps: WorkerDeps): Promise<{ progressed: boolean; wakeInMs?: number }> {
  let moved = false;
  let wakeInMs: number | undefined;
  for (const head of laneHeads(deps.db)) {
    const step = await advance(deps, head);
    if (step.kind === "progressed") moved = true;
    if (step.kind === "wait") wakeInMs = Math.min(wakeInMs ?? step.ms, step.ms);
  }
  return { progressed: moved, ...(wakeInMs === undefined ? {} : { wakeInMs }) };
}

const methodOf: Record<DeliveryRow["kind"], SlackMethod> = {
  post: "chat.postMessage",
  update: "chat.update",
  home: "views.publish",
};

async function advance(deps: WorkerDeps, row: DeliveryRow): Promise<Step> {
  const { db, clock, pacing } = deps;
  const lane = laneOf(row);
  const method = methodOf[row.kind];
  const readyAt = Math.max(
    row.nextAttemptAt,
    pacing.methodReadyAt(method),
    row.kind === "post" ? pacing.laneReadyAt(lane) : 0,
  );
  if (readyAt > clock.now()) return { kind: "wait", ms: readyAt - clock.now() };
  if (skipSuperseded(db, row)) return progressed;

  const placement = placementOf(db, row);
  if (placement.kind === "waiting") return { kind: "blocked" };
  if (placement.kind === "orphaned") {
    // A rewrite of a message that never made it is moot; a reply is news, so it stays visible and retryable.
    if (row.kind === "update") markSkipped(db, row.id, placement.reason);
    else markFailed(db, row.id, placement.reason);
    return progressed;
  }
  if (row.kind === "post" && row.status === "sending") {
    const settled = await settleUnknownPost(deps, row, placement);
    if (settled) return settled;
  }

  let message: RenderedMessage;
  try {
    message = await deps.render(row);
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    deps.logger.error(
      { deliveryId: row.id, template: row.template, err: error },
      "delivery could not be rendered",
    );
    markFailed(db, row.id, error.message);
    return progressed;
  }
  markSending(db, row.id);
  const attempts = row.attempts + 1;
  switch (row.kind) {
    case "post": {
      const result = await deps.gateway.postMessage(row.id, {
        ...message,
        channel: placement.channel,
        ...(placement.threadTs ? { threadTs: placement.threadTs } : {}),
      });
      if (result.ok) pacing.posted(lane);
      return settle(deps, row, attempts, result);
    }
    case "update": {
      const result = await deps.gateway.updateMessage(row.updatesDeliveryId ?? row.id, {
        ...message,
        channel: placement.channel,
        ts: placement.ts ?? "",
      });
      return settle(deps, row, attempts, result);
    }
    case "home":
      return settle(deps, row, attempts, await deps.gateway.publishHome(row.target, message));
  }
}

/**
 * A post whose last call may have reached Slack: look for it before sending again. Answers
 * the step when that settles it (found, given up, or the lookup must wait); undefined means
 * it is not in Slack and may be sent.
 */
async function settleUnknownPost(
  deps: WorkerDeps,
  row: DeliveryRow,
  placement: Extract<Placement, { kind: "ready" }>,
): Promise<Step | undefined> {
  const { db, clock } = deps;
  const found = await findPosted(deps.gateway, row, placement);
  if (!found.ok) {
    const failure = found.failure;
    if (failure.kind === "permanent") {
      markFailed(db, row.id, `lookup_failed: ${failure.error}`);
      return progressed;
    }
    const ms =
      failure.kind === "rate_limited"
        ? failure.retryAfterMs
        : backoffMs(Math.max(1, row.attempts), deps.backoff);
    if (failure.kind === "rate_limited") deps.pacing.rateLimited(found.method, laneOf(row), ms);
    reschedule(db, row.id, { at: clock.now() + ms, status: "sending" });
    return { kind: "wait", ms };
  }
  if (found.value) {
    deps.logger.info({ deliveryId: row.id, ts: found.value.ts }, "delivery found in Slack; not sent again");
    markDelivered(db, row.id, clock.now(), found.value);
    return progressed;
  }
  if (row.attempts >= deps.maxAttempts) {
    markFailed(db, row.id, row.lastError ?? "unconfirmed");
    return progressed;
  }
  return undefined;
}

function settle(
  deps: WorkerDeps,
  row: DeliveryRow,
  attempts: number,
  result: SlackResult<{ channel: string; ts: string } | undefined>,
): Step {
  const { db, clock, logger } = deps;
  const now = clock.now();
  if (result.ok) {
    markDelivered(db, row.id, now, result.value);
    logger.debug({ deliveryId: row.id, kind: row.kind, target: row.target }, "delivered");
    return progressed;
  }
  const { failure, method } = result;
  const context = { deliveryId: row.id, kind: row.kind, target: row.target, method, attempts };
  switch (failure.kind) {
    case "rate_limited":
      deps.pacing.rateLimited(method, laneOf(row), failure.retryAfterMs);
      reschedule(db, row.id, { at: now + failure.retryAfterMs, status: "pending", refund: true });
      logger.info({ ...context, retryAfterMs: failure.retryAfterMs }, "rate limited by Slack");
      return { kind: "wait", ms: failure.retryAfterMs };
    case "permanent":
      markFailed(db, row.id, failure.error);
      logger.warn({ ...context, error: failure.error }, "delivery failed for good");
      if (failure.error === "not_in_channel" && !isUserId(row.target)) {
        warnAdminsNotInChannel(db, clock, deps.company, row.target);
      }
      return progressed;
    case "transient": {
      logger.warn({ ...context, error: failure.error }, "delivery failed; will try again");
      const at = now + backoffMs(attempts, deps.backoff);
      // A post may have landed anyway: it stays `sending`, so the next turn looks before resending.
      if (row.kind === "post") reschedule(db, row.id, { at, status: "sending", error: failure.error });
      else if (attempts >= deps.maxAttempts) markFailed(db, row.id, failure.error);
      else reschedule(db, row.id, { at, status: "pending", error: failure.error });
      return { kind: "wait", ms: at - now };
    }
  }
}
