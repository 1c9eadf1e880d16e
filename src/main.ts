import { serve } from "@hono/node-server";
import { openDatabase } from "../db/client.ts";
import { createJxc } from "./app.ts";
import { type Config, ConfigError, loadConfig, loadDotEnv } from "./config.ts";
import { systemClock } from "./domain/clock.ts";
import { createLogger } from "./log.ts";
import { startLocal } from "./sandbox/start-local.ts";
import { version } from "./version.ts";

/** The composition root: configuration → database → Slack app → HTTP server or socket. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = readConfigOrExit();
  if (config.slack.kind === "none") return runSandbox(config);
  const logger = createLogger();
  const db = openDatabase(config.databasePath);
  const jxc = createJxc({
    slack: config.slack,
    slackApiUrl: config.slackApiUrl,
    db,
    clock: systemClock,
    logger,
    company: { currency: config.currency, timeZone: config.timeZone },
    admins: config.admins,
  });

  const server = serve({ fetch: jxc.http.fetch, port: config.port }, (info) => {
    logger.info({ port: info.port, version, mode: config.slack.kind }, "jxc listening");
  });
  if (config.slack.kind === "socket") await jxc.bolt.start();
  jxc.scheduler.start();
  jxc.notifier.start();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "jxc stopping");
    await jxc.scheduler.stop();
    await jxc.bolt.stop().catch(() => {});
    // Lets the Slack call in flight finish and be recorded, so the next start has nothing to look up.
    await jxc.notifier.stop();
    server.close();
    db.$client.close();
    logger.flush();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

/** No Slack credentials: the local sandbox, never active when credentials are set (checked above). */
async function runSandbox(config: Config): Promise<void> {
  // Per-request log lines would bury the one line a newcomer needs; LOG_LEVEL brings them back.
  const logger = createLogger(process.env.LOG_LEVEL ? {} : { level: "warn" });
  const sandbox = await startLocal({
    databasePath: config.sandboxDatabasePath,
    port: config.port,
    host: config.sandboxHost,
    company: { currency: config.currency, timeZone: config.timeZone },
    admins: config.admins,
    logger,
  }).catch((error: unknown) => {
    if (!(error instanceof Error && "code" in error && error.code === "EADDRINUSE")) throw error;
    process.stderr.write(
      `jxc sandbox: port ${config.port} is in use; set PORT to a free one and start again\n`,
    );
    process.exit(2);
  });
  process.stdout.write(
    `jxc sandbox: open ${sandbox.url} (no Slack credentials, so everything runs locally)\n`,
  );
  const shutdown = async () => {
    await sandbox.stop();
    logger.flush();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown());
  process.once("SIGTERM", () => void shutdown());
}

function readConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`jxc: configuration error: ${error.message}\n`);
    process.exit(2);
  }
}

await main();
