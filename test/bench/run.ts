// `npm run bench`: ack latency, throughput and memory of jxc against a bare Bolt app, measured in the same run.
import { cpus, loadavg, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { bigCompanyDatabase, skuOf } from "./fixtures/big-company.ts";
import { measureImport } from "./import-items.ts";
import { type LoadResult, load, type RunningServer, startJxc, startServer } from "./load.ts";
import { benchAdmin, benchKeeper, signedCommand } from "./signed-request.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface Scenario {
  name: string;
  server: RunningServer;
  command: string;
  /** One text, or several that each connection sends in turn. */
  text: string | readonly string[];
  /** Who types it; the admin unless said. */
  userId?: string;
}

interface Figures {
  latency: LoadResult;
  throughput: number[];
  ratios: number[];
  /** Server CPU per request: steadier than throughput on a shared machine, whose speed drifts. */
  cpuPerRequest: number[];
  failed: number;
}

/**
 * What people type to find items in this catalogue, in both languages: a word, two, a word and a
 * size; a few match one item in a thousand, some one in ten.
 */
const typicalQueries = [
  "brass nut",
  "螺丝 M8",
  "stainless washer m1",
  "钢制螺栓",
  "hinge m20x",
  "drill bit m3",
  "安全帽",
  "nylon glove",
  "zinc screw m5x",
  "扳手 M2",
  "tape m9",
  "黄铜合页",
];

const loadBefore = loadavg()[0] ?? 0;
console.log("building the benchmark company (cached after the first run)…");
const bigDatabase = bigCompanyDatabase();
const bare = await startServer(here("./servers/bare-bolt.ts"));
const empty = await startJxc();
const big = await startJxc({
  databasePath: bigDatabase,
  admins: true,
  roles: { [benchKeeper]: "warehouse_keeper" },
});
const scenarios: Scenario[] = [
  { name: "bare Bolt `HTTPReceiver`, ack only", server: bare, command: "/jxc", text: "help" },
  { name: "jxc `/jxc help` (full stack)", server: empty, command: "/jxc", text: "help" },
  {
    name: "jxc `/stock` by SKU (100k items, 1M moves)",
    server: big,
    command: "/stock",
    text: skuOf(73_519),
  },
  {
    name: "jxc `/stock` by SKU as a warehouse keeper",
    server: big,
    command: "/stock",
    text: skuOf(73_519),
    userId: benchKeeper,
  },
  {
    name: "jxc `/stock` by name substring `Brass Nut M7x`",
    server: big,
    command: "/stock",
    text: "Brass Nut M7x",
  },
  { name: "jxc `/stock` by Chinese substring `螺丝`", server: big, command: "/stock", text: "螺丝" },
  {
    name: `jxc \`/stock\` by name, ${typicalQueries.length} typical queries in turn`,
    server: big,
    command: "/stock",
    text: typicalQueries,
  },
];

const url = (s: Scenario) => `http://127.0.0.1:${s.server.port}/slack/events`;
// Signed afresh for each load: a signature is only good for Slack's 5-minute window.
const signed = (s: Scenario) =>
  typeof s.text === "string"
    ? signedCommand(s.command, s.text, s.userId ?? benchAdmin)
    : s.text.map((text) => signedCommand(s.command, text, s.userId ?? benchAdmin));

// Resident memory moves with the garbage collector's cycle, so it is sampled all through the runs.
let peakRss = 0;
const sampling = setInterval(() => {
  peakRss = Math.max(peakRss, big.rssBytes());
}, 250);

const figures = new Map<Scenario, Figures>();
for (const s of scenarios) {
  await load(url(s), signed(s), { seconds: 2, connections: 16 });
  const latency = await load(url(s), signed(s), { seconds: 3, connections: 1 });
  figures.set(s, {
    latency,
    throughput: [],
    ratios: [],
    cpuPerRequest: [],
    failed: latency.non2xx + latency.errors,
  });
}
// Throughput in rounds, each scenario right after the yardstick: on a shared machine the load from
// elsewhere drifts, and a ratio of two runs seconds apart is steadier than one of runs minutes apart.
for (let round = 0; round < rounds; round++) {
  let yardstick = 1;
  for (const s of scenarios) {
    const cpuBefore = s.server.cpuMicros();
    const result = await load(url(s), signed(s), { seconds, connections: 16 });
    const f = figures.get(s);
    if (!f) continue;
    f.cpuPerRequest.push((s.server.cpuMicros() - cpuBefore) / (result.requestsPerSecond * seconds));
    if (s.server === bare) yardstick = result.requestsPerSecond;
    f.throughput.push(result.requestsPerSecond);
    f.ratios.push(result.requestsPerSecond / yardstick);
    f.failed += result.non2xx + result.errors;
  }
}
clearInterval(sampling);
const rssMb = big.rssBytes() / 2 ** 20;
for (const server of [bare, empty, big]) await server.stop();
const importResult = await measureImport(100_000);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
console.log(
  `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average before the run ${loadBefore.toFixed(1)}`,
);
console.log(
  `latency: 1 connection, 3 s; throughput: 16 keep-alive connections, ${seconds} s, ${rounds} rounds (median; ratio to bare Bolt within each round); servers in their own processes\n`,
);
console.log(
  "| target | p50 ms | p99 ms | req/s (16 conn) | vs bare Bolt (range) | server CPU µs/request | failed |",
);
console.log("|---|---|---|---|---|---|---|");
for (const s of scenarios) {
  const f = figures.get(s);
  if (!f) continue;
  const range = `${Math.min(...f.ratios).toFixed(2)}–${Math.max(...f.ratios).toFixed(2)}`;
  console.log(
    `| ${s.name} | ${f.latency.p50Ms} | ${f.latency.p99Ms} | ${Math.round(median(f.throughput))} | ${median(f.ratios).toFixed(2)}× (${range}) | ${Math.round(median(f.cpuPerRequest))} | ${f.failed} |`,
  );
}
console.log(
  `\nresident memory of jxc after the /stock runs at 100k items / 1M moves: ${rssMb.toFixed(0)} MB, at most ${(peakRss / 2 ** 20).toFixed(0)} MB during them (target ≤ 200)`,
);
console.log(
  `import of ${importResult.rows} items from CSV: ${(importResult.ms / 1000).toFixed(2)} s (target ≤ 10 s)`,
);
