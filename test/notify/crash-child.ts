// A notifier in a process of its own, so a test can kill it with SIGKILL mid-delivery.
// Usage: node --import tsx crash-child.ts <database file> <Slack API URL> <bot token>
import { openDatabase } from "../../db/client.ts";
import { systemClock } from "../../src/domain/clock.ts";
import { createLogger } from "../../src/log.ts";
import { createNotifier } from "../../src/notify/notifier.ts";
import { createLocaleResolver } from "../../src/slack/locale.ts";
import { usersInfoLocaleLookup } from "../../src/slack/users-info-locale.ts";
import { crashPlanners, crashTuning } from "./crash-setup.ts";
import { testTemplates } from "./fixtures.ts";

const [databasePath = "", slackApiUrl = "", botToken = ""] = process.argv.slice(2);
const db = openDatabase(databasePath);
const logger = createLogger({ level: "warn" });
const notifier = createNotifier({
  db,
  clock: systemClock,
  logger,
  company: { currency: "CNY", timeZone: "Asia/Shanghai" },
  botToken,
  slackApiUrl,
  locales: createLocaleResolver({
    db,
    clock: systemClock,
    logger,
    lookup: usersInfoLocaleLookup(botToken, slackApiUrl),
  }),
  planners: crashPlanners,
  templates: testTemplates,
  tuning: crashTuning,
});
await notifier.drain({ timeoutMs: 60_000 });
process.stdout.write("drained\n");
