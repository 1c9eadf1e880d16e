import { randomBytes } from "node:crypto";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { ReceiverMultipleAckError } from "@slack/bolt";
import type { Context } from "hono";
import type { Clock } from "../domain/clock.ts";
import type { Logger } from "../log.ts";
import { describeRequest } from "./describe-request.ts";
import { parseSlackBody } from "./parse-slack-body.ts";
import { checkSlackSignature } from "./slack-signature.ts";
import { TrafficLog } from "./traffic-log.ts";

export interface SlackReceiverOptions {
  signingSecret: string;
  logger: Logger;
  clock: Clock;
  /** Test switch: reply only after every listener finished, so tests see all effects. */
  waitForListeners?: boolean;
  /** Bolt's HTTPReceiver gives up after 3001 ms with a 404; so do we. */
  ackTimeoutMs?: number;
  maxBodyBytes?: number;
}

type AckBody = Parameters<ReceiverEvent["ack"]>[0];

/**
 * Bolt receiver mounted on a Hono route: verifies the raw body, answers Slack's
 * handshake requests itself, and replies the moment a listener acks.
 */
export class HonoSlackReceiver implements Receiver {
  private app: App | undefined;
  private readonly ackTimeoutMs: number;
  private readonly maxBodyBytes: number;
  private readonly traffic: TrafficLog;

  constructor(private readonly options: SlackReceiverOptions) {
    this.ackTimeoutMs = options.ackTimeoutMs ?? 3001;
    this.maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
    this.traffic = new TrafficLog({ logger: options.logger });
  }

  init(app: App): void {
    this.app = app;
  }

  // The HTTP server belongs to Hono (src/http/server.ts), so there is nothing to start here.
  start(): Promise<void> {
    return Promise.resolve();
  }

  /** Bolt's stop: writes the traffic of the period so far, which would otherwise be lost. */
  stop(): Promise<void> {
    this.traffic.flush();
    return Promise.resolve();
  }

  /** The Hono handler for POST /slack/events. */
  readonly handle = async (c: Context): Promise<Response> => {
    const startedAt = performance.now();
    const requestId = nextRequestId();
    const rawBody = await c.req.text();
    if (Buffer.byteLength(rawBody) > this.maxBodyBytes) return new Response(null, { status: 413 });
    const contentType = c.req.header("content-type");

    if (isSslCheck(rawBody, contentType)) return new Response(null, { status: 200 });

    const verdict = checkSlackSignature(
      {
        rawBody,
        signature: c.req.header("x-slack-signature"),
        timestamp: c.req.header("x-slack-request-timestamp"),
      },
      this.options.signingSecret,
      this.options.clock.now(),
    );
    if (!verdict.ok) {
      this.options.logger.warn(
        { requestId, outcome: "rejected", reason: verdict.reason },
        "slack request rejected",
      );
      return new Response(null, { status: 401 });
    }

    const body = parseSlackBody(rawBody, contentType);
    if (body === undefined) return new Response(null, { status: 400 });
    if (body.type === "url_verification") return Response.json({ challenge: body.challenge });

    const response = await this.dispatch(
      body,
      requestId,
      c.req.header("x-slack-retry-num"),
      c.req.header("x-slack-retry-reason"),
    );
    this.traffic.record({
      requestId,
      ...describeRequest(body),
      status: response.status,
      latencyMs: round(performance.now() - startedAt),
    });
    return response;
  };

  private dispatch(
    body: Record<string, unknown>,
    requestId: string,
    retryNum: string | undefined,
    retryReason: string | undefined,
  ): Promise<Response> {
    const app = this.app;
    if (!app) throw new Error("HonoSlackReceiver used before Bolt called init()");
    const { logger } = this.options;

    return new Promise<Response>((resolve) => {
      let acked: Response | undefined;
      const timer = setTimeout(() => {
        if (acked) return;
        logger.error({ requestId, ...describeRequest(body) }, "no listener acknowledged within the deadline");
        settle(new Response(null, { status: 404 }));
      }, this.ackTimeoutMs);

      let replied = false;
      const settle = (response: Response) => {
        clearTimeout(timer);
        if (replied) return;
        replied = true;
        resolve(response);
      };

      const ack = async (reply?: AckBody): Promise<void> => {
        if (acked) throw new ReceiverMultipleAckError();
        acked = toAckResponse(reply);
        clearTimeout(timer);
        if (!this.options.waitForListeners) settle(acked);
      };

      const event: ReceiverEvent = {
        body,
        ack,
        retryNum: retryNum === undefined ? undefined : Number.parseInt(retryNum, 10),
        retryReason,
        customProperties: { requestId },
      };

      app.processEvent(event).then(
        () => {
          if (acked && this.options.waitForListeners) settle(acked);
        },
        (error: unknown) => {
          logger.error({ requestId, ...describeRequest(body), err: error }, "listener failed");
          settle(acked ?? new Response(null, { status: 500 }));
        },
      );
    });
  }
}

// A random per-process prefix and a counter: unique across restarts, and cheaper than a UUID per request.
const requestIdPrefix = randomBytes(4).toString("hex");
let requestCounter = 0;
function nextRequestId(): string {
  requestCounter += 1;
  return `${requestIdPrefix}-${requestCounter.toString(36)}`;
}

function toAckResponse(reply: AckBody): Response {
  if (reply === undefined || reply === "") return new Response(null, { status: 200 });
  if (typeof reply === "string") return new Response(reply, { status: 200 });
  return Response.json(reply);
}

function isSslCheck(rawBody: string, contentType: string | undefined): boolean {
  return (
    contentType?.startsWith("application/x-www-form-urlencoded") === true && rawBody.startsWith("ssl_check=1")
  );
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
