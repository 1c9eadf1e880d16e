import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { Hono } from "hono";
import type { Company } from "../../commands/deps.ts";
import { type Db, openDatabase } from "../../db/client.ts";
import { createJxc, type Jxc } from "../app.ts";
import { type Clock, systemClock } from "../domain/clock.ts";
import type { Logger } from "../log.ts";
import { loadDemoCompany, registerDemoWorkspace } from "./demo/load-demo.ts";
import { SlackEmulator } from "./emulator/slack-emulator.ts";
import { servePage } from "./server/page-assets.ts";
import { registerSandboxRoutes } from "./server/sandbox-routes.ts";
import { UserActs } from "./server/user-acts.ts";
import { declaredSlashCommands } from "./slash-commands.ts";
import { AppLink } from "./wire/app-link.ts";
import { SlackRequests } from "./wire/slack-requests.ts";

/** Where and with what the sandbox runs; main passes configuration, tests a temp database and port 0. */
export interface LocalOptions {
  databasePath: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  company: Company;
  admins: readonly string[];
  logger: Logger;
  clock?: Clock;
}

/** A running sandbox: the page's address and what tests may look at. */
export interface LocalSandbox {
  url: string;
  port: number;
  emulator: SlackEmulator;
  db: Db;
  jxc: Jxc;
  /** Whether this start loaded the demo company into an empty database. */
  loadedDemo: boolean;
  stop(): Promise<void>;
}

/**
 * Local mode, for `npm start` without Slack credentials: the real app talks to a built-in Slack
 * emulator, the demo company fills an empty database, and a browser page plays the Slack client.
 * Every click on the page becomes a request signed as Slack signs it, posted to the app's own
 * /slack/events over loopback; what the page shows is what the app sent back.
 */
export async function startLocal(options: LocalOptions): Promise<LocalSandbox> {
  const clock = options.clock ?? systemClock;
  const emulator = await SlackEmulator.start({
    botUserId: "U0JXCBOT",
    botToken: `xoxb-sandbox-${randomBytes(12).toString("hex")}`,
  });
  registerDemoWorkspace(emulator);
  const db = openDatabase(options.databasePath);
  const loadedDemo = loadDemoCompany(db, clock, {
    currency: options.company.currency,
    timeZone: options.company.timeZone,
  });
  // A fresh secret each start: nothing outside this process can sign a request the app accepts.
  const signingSecret = randomBytes(16).toString("hex");
  const jxc = createJxc({
    slack: { kind: "http", botToken: emulator.botToken, signingSecret },
    slackApiUrl: emulator.apiUrl,
    db,
    clock,
    logger: options.logger,
    company: options.company,
    admins: options.admins,
  });
  jxc.notifier.start();

  // The routes need the port (the page's requests go to our own /slack/events), so the server
  // answers 503 for the instant between listening and having them.
  let handle: (request: Request) => Response | Promise<Response> = () =>
    new Response("starting", { status: 503 });
  const server = await listen((request) => handle(request), options.port, options.host);
  const port = (server.address() as AddressInfo).port;
  const link = new AppLink({
    url: `http://${loopbackHost(options.host)}:${port}/slack/events`,
    signingSecret,
  });
  const commands = declaredSlashCommands();
  const http = new Hono();
  http.route("/", jxc.http);
  servePage(http);
  const acts = new UserActs(emulator, new SlackRequests(link, emulator), commands);
  registerSandboxRoutes(http, { db, emulator, commands, acts });
  handle = (request) => http.fetch(request);
  jxc.scheduler.start();

  return {
    url: `http://${pageHost(options.host)}:${port}/`,
    port,
    emulator,
    db,
    jxc,
    loadedDemo,
    async stop() {
      await jxc.scheduler.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The page's live stream would otherwise hold close() open.
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      await jxc.notifier.stop();
      await emulator.stop();
      db.$client.close();
    },
  };
}

function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once("error", reject);
  });
}

/** How this process reaches its own server: an "any address" bind is reachable on loopback. */
function loopbackHost(host: string): string {
  if (host === "0.0.0.0") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

/** The address to print for people: localhost when only this machine can reach it anyway. */
function pageHost(host: string): string {
  if (host === "127.0.0.1" || host === "::1" || host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}
