// `npm run bench:approval`: what an Approve click costs through the whole HTTP stack (signature,
// Bolt, permission and state checks, the deciding transaction with its ledger move, the redraw
// through response_url) at 100k items and 1M ledger moves, one click at a time as people click.
import { copyFileSync, mkdtempSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../db/client.ts";
import { roleAssignments } from "../../db/schema.ts";
import { requestAdjustment } from "../../src/domain/adjustments/request-adjustment.ts";
import { systemClock } from "../../src/domain/clock.ts";
import { setOpeningStock } from "../../src/domain/stock/index.ts";
import { signSlackRequest } from "../harness/slack-driver.ts";
import { bigCompanyDatabase } from "./fixtures/big-company.ts";
import { startJxc } from "./load.ts";
import { benchSigningSecret, benchUsers } from "./signed-request.ts";

const clicks = Number(process.env.BENCH_CLICKS ?? 500);
const keeper = "U0KEEPER";
const supervisor = benchUsers[0]?.id ?? "U0BENCH01";

console.log("building the benchmark company (cached after the first run)…");
const path = join(mkdtempSync(join(tmpdir(), "jxc-approval-bench-")), "jxc.sqlite");
copyFileSync(bigCompanyDatabase(), path);
const requestIds = prepareRequests(path);

// Where the app redraws the clicked card: a stand-in for Slack's response URLs.
const responses = createServer((request, response) => {
  request.resume();
  request.on("end", () => response.end("ok"));
});
await new Promise<void>((resolve) => responses.listen(0, "127.0.0.1", resolve));
const responseUrl = `http://127.0.0.1:${(responses.address() as AddressInfo).port}/response/bench`;

const server = await startJxc({ databasePath: path });
const timings: number[] = [];
try {
  for (const requestId of requestIds) {
    // People click seconds apart: let the previous decision finish before the next click arrives.
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = performance.now();
    const status = await click(server.port, requestId);
    timings.push(performance.now() - started);
    if (status !== 200) throw new Error(`click on request ${requestId} answered ${status}`);
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
} finally {
  await server.stop();
  responses.close();
}
const pending = openDatabase(server.databasePath)
  .$client.prepare("select count(*) as n from stock_adjustments where status = 'pending'")
  .get() as { n: number };
timings.sort((a, b) => a - b);
const at = (q: number) =>
  (timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0).toFixed(1);
console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`);
console.log(
  `approval click (ack), ${clicks} clicks one at a time: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms (target p50 ≤ 5, p99 ≤ 50); still pending afterwards: ${pending.n}`,
);

/** Roles, stock and `clicks` adjustments of 1,200.00 each (above the 1,000.00 threshold), all waiting. */
function prepareRequests(file: string): number[] {
  const db = openDatabase(file);
  const grant = (userId: string, role: "warehouse_keeper" | "warehouse_supervisor") =>
    db.insert(roleAssignments).values({ userId, role, grantedBy: "bench", grantedAt: 0 }).run();
  grant(keeper, "warehouse_keeper");
  grant(supervisor, "warehouse_supervisor");
  const place = db.$client.prepare("select id from locations order by id limit 1").get() as { id: number };
  const item = db.$client.prepare("select id from items order by id desc limit 1").get() as { id: number };
  setOpeningStock(db, systemClock, {
    itemId: item.id,
    locationId: place.id,
    qty: 1_000_000,
    unitCost: 200,
    userId: keeper,
  });
  const ids = Array.from({ length: clicks }, () => {
    const adjustment = requestAdjustment(db, systemClock, {
      itemId: item.id,
      locationId: place.id,
      qtyDelta: -600,
      reason: "lost",
      userId: keeper,
    });
    if (adjustment.status !== "pending") throw new Error(`${adjustment.number} did not wait for approval`);
    return db.$client.prepare("select id from approval_requests order by id desc limit 1").get() as {
      id: number;
    };
  });
  db.$client.close();
  return ids.map((row) => row.id);
}

/** A supervisor's Approve click on a DM card, signed as Slack signs it; resolves with the HTTP status. */
async function click(port: number, requestId: number): Promise<number> {
  const payload = {
    type: "block_actions",
    user: { id: supervisor, username: "bench", name: "bench", team_id: "T0JXC0001" },
    api_app_id: "A0JXC0001",
    token: "bench",
    team: { id: "T0JXC0001", domain: "bench" },
    channel: { id: "D0BENCH01", name: "directmessage" },
    container: {
      type: "message",
      message_ts: `1.${requestId}`,
      channel_id: "D0BENCH01",
      is_ephemeral: false,
    },
    message: { ts: `1.${requestId}`, text: "card", blocks: [] },
    trigger_id: "1.2.bench",
    response_url: responseUrl,
    actions: [
      {
        action_id: "approval_approve",
        block_id: `approval_${requestId}_1`,
        type: "button",
        value: `${requestId}:1`,
        text: { type: "plain_text", text: "Approve" },
        action_ts: "1.2",
      },
    ],
  };
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackRequest(benchSigningSecret, timestamp, body),
    },
  });
  await response.arrayBuffer();
  return response.status;
}
