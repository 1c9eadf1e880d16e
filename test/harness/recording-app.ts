import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

export interface ReceivedRequest {
  headers: Record<string, string>;
  body: string;
}

/** A stand-in for the app: records what Slack (the driver) sends and answers as told. */
export interface RecordingApp {
  url: string;
  received: ReceivedRequest[];
  last(): ReceivedRequest;
  /** The `payload` form field of the last request, parsed. */
  lastPayload(): Record<string, unknown>;
  answerWith(reply: (body: string) => Response): void;
  answerJson(body: unknown): void;
  stop(): Promise<void>;
}

export async function startRecordingApp(): Promise<RecordingApp> {
  const received: ReceivedRequest[] = [];
  let reply: (body: string) => Response = () => new Response("", { status: 200 });
  const app = new Hono();
  app.post("/slack/events", async (c) => {
    const body = await c.req.text();
    received.push({ headers: Object.fromEntries(c.req.raw.headers), body });
    return reply(body);
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const listening = serve(
      { fetch: app.fetch, port: 0, hostname: "127.0.0.1", overrideGlobalObjects: false },
      () => resolve(listening),
    );
  });
  const { port } = server.address() as AddressInfo;
  const last = (): ReceivedRequest => {
    const request = received.at(-1);
    if (!request) throw new Error("the app received nothing");
    return request;
  };
  return {
    url: `http://127.0.0.1:${port}/slack/events`,
    received,
    last,
    lastPayload() {
      const payload = new URLSearchParams(last().body).get("payload");
      if (payload === null) throw new Error("the last request has no payload field");
      return JSON.parse(payload) as Record<string, unknown>;
    },
    answerWith(next) {
      reply = next;
    },
    answerJson(body) {
      reply = () => new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
    },
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
    },
  };
}
