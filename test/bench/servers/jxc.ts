// jxc as it runs in production (HTTP mode, file database, info logs), against a local fake Slack.
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { openDatabase } from "../../../db/client.ts";
import { createJxc } from "../../../src/app.ts";
import { systemClock } from "../../../src/domain/clock.ts";
import { createLogger } from "../../../src/log.ts";
import { SlackEmulator } from "../../harness/slack-emulator.ts";
import { benchSigningSecret, benchUsers } from "../signed-request.ts";

const emulator = await SlackEmulator.start({ users: benchUsers });
const db = openDatabase(
  process.env.DATABASE_PATH ?? join(mkdtempSync(join(tmpdir(), "jxc-bench-")), "jxc.sqlite"),
);
const jxc = createJxc({
  slack: { kind: "http", botToken: emulator.botToken, signingSecret: benchSigningSecret },
  slackApiUrl: emulator.apiUrl,
  db,
  clock: systemClock,
  logger: createLogger({ level: process.env.LOG_LEVEL ?? "info" }),
  company: { currency: "CNY", timeZone: "Asia/Shanghai" },
  admins: process.env.BENCH_ADMIN ? benchUsers.map((u) => u.id) : [],
});
process.on("message", (message: { question?: string }) => {
  if (message.question === "memory") process.send?.({ rss: process.memoryUsage().rss });
});
const server = serve(
  { fetch: jxc.http.fetch, port: Number(process.env.PORT ?? 0), hostname: "127.0.0.1" },
  () => {
    process.send?.({ ready: (server.address() as AddressInfo).port });
  },
);
