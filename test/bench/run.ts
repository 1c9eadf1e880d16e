// `npm run bench`: ack latency and throughput of jxc against a bare Bolt app, measured in the same run.
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { type LoadResult, load, startServer } from "./load.ts";
import { signedCommand } from "./signed-request.ts";

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

async function measure(script: string, command: string, text: string): Promise<LoadResult> {
  const server = await startServer(here(script));
  try {
    const url = `http://127.0.0.1:${server.port}/slack/events`;
    await load(url, signedCommand(command, text), { seconds: 2, connections });
    return await load(url, signedCommand(command, text), { seconds, connections });
  } finally {
    server.stop();
  }
}

function row(name: string, r: LoadResult): string {
  return `| ${name} | ${r.p50Ms} | ${r.p99Ms} | ${Math.round(r.requestsPerSecond)} | ${r.non2xx + r.errors} |`;
}

const bare = await measure("./servers/bare-bolt.ts", "/jxc", "help");
const help = await measure("./servers/jxc.ts", "/jxc", "help");

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
console.log(
  `load: ${connections} keep-alive connections, ${seconds} s after a 2 s warm-up, server in its own process\n`,
);
console.log("| target | p50 ms | p99 ms | req/s | failed |");
console.log("|---|---|---|---|---|");
console.log(row("bare Bolt HTTPReceiver, ack only", bare));
console.log(row("jxc `/jxc help` (full stack)", help));
console.log(
  `\n/jxc help throughput vs bare Bolt: ${(help.requestsPerSecond / bare.requestsPerSecond).toFixed(2)}× (target ≥ 0.85)`,
);
