import { serve } from "@hono/node-server";
import { openDatabase } from "../db/client.ts";
import { createJxc } from "./app.ts";
import { type Config, ConfigError, loadConfig, loadDotEnv } from "./config.ts";
import { systemClock } from "./domain/clock.ts";
import { createLogger } from "./log.ts";
import { version } from "./version.ts";

/** The composition root: configuration → database → Slack app → HTTP server or socket. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = readConfigOrExit();
  const logger = createLogger();
  if (config.slack.kind === "none") {
    process.stderr.write(missingCredentialsHelp);
    process.exit(2);
  }
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

  const shutdown = async (signal: string) => {
    logger.info({ signal }, "jxc stopping");
    await jxc.bolt.stop().catch(() => {});
    server.close();
    db.$client.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
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

const missingCredentialsHelp = `jxc: no Slack credentials are configured.
Set them in the environment or in a .env file, then start again:
  SLACK_BOT_TOKEN=xoxb-...        the app's Bot User OAuth Token (OAuth & Permissions)
  SLACK_SIGNING_SECRET=...        Basic Information → App Credentials (HTTP mode)
  SLACK_APP_TOKEN=xapp-...        optional: an app-level token with connections:write for Socket Mode
See README.md → "Connect a Slack workspace".
`;

await main();
