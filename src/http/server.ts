import { Hono } from "hono";
import type { HonoSlackReceiver } from "./slack-receiver.ts";

export interface HttpAppOptions {
  /** Absent in Socket Mode, where Slack does not call us over HTTP. */
  receiver: HonoSlackReceiver | undefined;
  version: string;
  isDatabaseHealthy: () => boolean;
}

/** The app's HTTP surface: Slack's one endpoint and a health probe. */
export function createHttpApp(options: HttpAppOptions): Hono {
  const http = new Hono();
  if (options.receiver) http.post("/slack/events", options.receiver.handle);
  http.get("/healthz", (c) => {
    const database = safely(options.isDatabaseHealthy);
    return c.json(
      { ok: database, version: options.version, database: database ? "ok" : "unavailable" },
      database ? 200 : 503,
    );
  });
  return http;
}

function safely(check: () => boolean): boolean {
  try {
    return check();
  } catch {
    return false;
  }
}
