// `npm run bench`: ack latency, throughput and memory of jxc against a bare Bolt app, measured in the same run.
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { bigCompanyDatabase, skuOf } from "./fixtures/big-company.ts";
import { measureImport } from "./import-items.ts";
import { type LoadResult, load, type RunningServer, startJxc, startServer } from "./load.ts";
import { signedCommand } from "./signed-request.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

interface Scenario {
  name: string;
  command: string;
  text: string;
}

interface Figures {
  name: string;
  latency: LoadResult;
  throughput: LoadResult;
}

/** Latency with one connection (how Slack meets a workspace), throughput with 16 (saturation). */
async function measure(server: RunningServer, scenario: Scenario): Promise<Figures> {
  const url = `http://127.0.0.1:${server.port}/slack/events`;
  const request = signedCommand(scenario.command, scenario.text);
  await load(url, request, { seconds: 2, connections: 16 });
  const latency = await load(url, request, { seconds: Math.max(3, seconds / 2), connections: 1 });
  const throughput = await load(url, request, { seconds, connections: 16 });
  return { name: scenario.name, latency, throughput };
}

async function withServer<T>(
  start: Promise<RunningServer>,
  run: (s: RunningServer) => Promise<T>,
): Promise<T> {
  const server = await start;
  try {
    return await run(server);
  } finally {
    await server.stop();
  }
}

console.log("building the benchmark company (cached after the first run)…");
const bigDatabase = bigCompanyDatabase();
const results: Figures[] = [];
let rssMb = 0;

results.push(
  await withServer(startServer(here("./servers/bare-bolt.ts")), (s) =>
    measure(s, { name: "bare Bolt HTTPReceiver, ack only", command: "/jxc", text: "help" }),
  ),
);
results.push(
  await withServer(startJxc(), (s) => measure(s, { name: "jxc `/jxc help`", command: "/jxc", text: "help" })),
);
await withServer(startJxc({ databasePath: bigDatabase, admins: true }), async (s) => {
  results.push(
    await measure(s, {
      name: "jxc `/stock` by SKU (100k items, 1M moves)",
      command: "/stock",
      text: skuOf(73_519),
    }),
  );
  results.push(
    await measure(s, {
      name: "jxc `/stock` by name substring `Brass Nut M7x`",
      command: "/stock",
      text: "Brass Nut M7x",
    }),
  );
  results.push(
    await measure(s, { name: "jxc `/stock` by Chinese substring `螺丝`", command: "/stock", text: "螺丝" }),
  );
  rssMb = s.rssBytes() / 2 ** 20;
});
const importResult = await measureImport(100_000);

const bare = results[0]?.throughput.requestsPerSecond ?? 1;
console.log(
  `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  `latency: 1 connection, ${Math.max(3, seconds / 2)} s; throughput: 16 keep-alive connections, ${seconds} s; server in its own process\n`,
);
console.log("| target | p50 ms | p99 ms | req/s (16 conn) | p99 ms (16 conn) | vs bare Bolt | failed |");
console.log("|---|---|---|---|---|---|---|");
for (const r of results) {
  const ratio = (r.throughput.requestsPerSecond / bare).toFixed(2);
  const failed = r.latency.non2xx + r.latency.errors + r.throughput.non2xx + r.throughput.errors;
  console.log(
    `| ${r.name} | ${r.latency.p50Ms} | ${r.latency.p99Ms} | ${Math.round(r.throughput.requestsPerSecond)} | ${r.throughput.p99Ms} | ${ratio}× | ${failed} |`,
  );
}
console.log(
  `\nresident memory of jxc after the /stock runs at 100k items / 1M moves: ${rssMb.toFixed(0)} MB (target ≤ 200)`,
);
console.log(
  `import of ${importResult.rows} items from CSV: ${(importResult.ms / 1000).toFixed(2)} s (target ≤ 10 s)`,
);
