// In-process: time bolt.processEvent for a command body, no HTTP. usage: tsx inproc.mts <db|-> <command> <text> [n]
import { openDatabase } from "/work/wt/perf/db/client.ts";
import { createJxc } from "/work/wt/perf/src/app.ts";
import { systemClock } from "/work/wt/perf/src/domain/clock.ts";
import { parseSlackBody } from "/work/wt/perf/src/http/parse-slack-body.ts";
import { createLogger } from "/work/wt/perf/src/log.ts";
import { benchSigningSecret, benchUsers, signedCommand } from "/work/wt/perf/test/bench/signed-request.ts";
import { SlackEmulator } from "/work/wt/perf/test/harness/slack-emulator.ts";

const [dbPath, command, text, nArg = "20000"] = process.argv.slice(2);
const emulator = await SlackEmulator.start({ users: benchUsers });
const db = openDatabase(dbPath === "-" ? ":memory:" : dbPath!);
const sink = {
  write(_s: string) {
    return true;
  },
};
const jxc = createJxc({
  slack: { kind: "http", botToken: emulator.botToken, signingSecret: benchSigningSecret },
  slackApiUrl: emulator.apiUrl,
  db,
  clock: systemClock,
  logger: createLogger({ level: "info", destination: sink as never }),
  company: { currency: "CNY", timeZone: "Asia/Shanghai" },
  admins: process.env.NOADMIN ? [] : benchUsers.map((u) => u.id),
});
const raw = signedCommand(command!, text!).body;
let acked = "";
const once = () =>
  jxc.bolt.processEvent({
    body: parseSlackBody(raw, "application/x-www-form-urlencoded")!,
    ack: async (r?: unknown) => {
      acked = typeof r === "string" ? r : JSON.stringify(r ?? "");
    },
    retryNum: undefined,
    retryReason: undefined,
    customProperties: {},
  } as never);
for (let i = 0; i < 2000; i++) await once();
const n = Number(nArg);
const res: number[] = [];
for (let rep = 0; rep < 5; rep++) {
  const t = performance.now();
  for (let i = 0; i < n; i++) await once();
  res.push(((performance.now() - t) * 1000) / n);
}
console.log(
  `${command} ${text}: µs/req ${res.map((x) => x.toFixed(1)).join(" ")} (min ${Math.min(...res).toFixed(1)}) ack=${acked.length}B`,
);
process.exit(0);
