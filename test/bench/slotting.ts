// `npm run bench:slotting`: /jxc slotting over a warehouse of the 100k-item company with 1M issue lines.
import { existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { renderSlotting } from "../../commands/slotting/index.ts";
import { openDatabase } from "../../db/client.ts";
import { suggestSlotting } from "../../src/domain/slotting/slotting.ts";
import { bigCompanyDatabase } from "./fixtures/big-company.ts";

/** The instant slotting runs at; the issue lines fall in the 180 days before it. */
const now = Date.UTC(2026, 0, 5, 0, 0, 0);
const day = 86_400_000;
const supervisor = "U0BENCHSUP";

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * The big company plus 1M issue lines over 180 days (skewed: a few fast movers, a long tail) and a
 * capacity on every bin (what it holds + 10%), built once into its own file. The shared fixture is
 * copied with SQLite's backup, never opened for writing: opening applies this branch's migrations.
 */
async function slottingCompanyDatabase(issueLines = 1_000_000): Promise<string> {
  const dir = join(tmpdir(), "jxc-bench-slotting");
  const path = join(dir, `slotting-${issueLines}-v1.sqlite`);
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const building = `${path}.building`;
  rmSync(building, { force: true });
  const source = new Database(bigCompanyDatabase(), { readonly: true });
  await source.backup(building);
  source.close();
  const db = openDatabase(building);
  const sqlite = db.$client;
  const rand = random(11);
  sqlite.transaction(() => {
    const items = sqlite.prepare("select count(*) from items").pluck().get() as number;
    const issue = sqlite.prepare(
      "insert into stock_moves (item_id, location_id, qty, value, reason, batch_id, user_id, at) values (?, ?, ?, 0, 'issue', ?, 'U0BENCHSLOT', ?)",
    );
    for (let n = 0; n < issueLines; n++) {
      issue.run(
        1 + Math.floor(rand() ** 2 * items),
        1 + (n % 100),
        -(1 + Math.floor(rand() * 5)),
        `s${n}`,
        now - Math.floor(rand() * 180 * day),
      );
    }
    sqlite
      .prepare(
        `insert into stock_balances (item_id, location_id, lot_key, on_hand, reserved)
         select item_id, location_id, 0, sum(qty), 0 from stock_moves where user_id = 'U0BENCHSLOT'
          group by item_id, location_id
         on conflict (item_id, location_id, lot_key) do update set on_hand = on_hand + excluded.on_hand`,
      )
      .run();
    sqlite
      .prepare(
        `update locations set capacity = (select coalesce(sum(max(on_hand, 0)), 0) * 11 / 10
                                             from stock_balances b where b.location_id = locations.id)`,
      )
      .run();
    sqlite.prepare("delete from low_stock_checks").run();
    sqlite
      .prepare(
        "insert into role_assignments (user_id, role, granted_by, granted_at) values (?, 'warehouse_supervisor', 'bench', 0)",
      )
      .run(supervisor);
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  renameSync(building, path);
  return path;
}

/** Plans once to warm the page cache, then times `runs` plans of warehouse WH1 (command → reply). */
export async function measureSlotting(runs = 5) {
  const db = openDatabase(await slottingCompanyDatabase());
  const row = db.$client
    .prepare("select id, code, name, name_zh from warehouses where code = 'WH1'")
    .raw()
    .get() as [number, string, string, string | null];
  const warehouse = { id: row[0], code: row[1], name: row[2], nameZh: row[3] };
  const once = () => renderSlotting(db, "en", suggestSlotting(db, now, warehouse, supervisor));
  let result = suggestSlotting(db, now, warehouse, supervisor);
  once();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const used = process.cpuUsage();
    once();
    times.push(performance.now() - start);
    const spent = process.cpuUsage(used);
    cpu.push((spent.user + spent.system) / 1000);
  }
  result = suggestSlotting(db, now, warehouse, supervisor);
  const holdings = db.$client
    .prepare(
      "select count(*) from stock_balances where on_hand > 0 and location_id in (select id from locations where warehouse_id = ?)",
    )
    .pluck()
    .get(warehouse.id) as number;
  db.$client.close();
  const median = (list: number[]) => Math.round(list.sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0);
  return { ms: median(times), cpuMs: median(cpu), result, holdings };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("building the slotting benchmark company (cached after the first run)…");
  const { ms, cpuMs, result, holdings } = await measureSlotting();
  const plan = result.plan;
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  if (plan.kind !== "plan") {
    console.log(`no plan: ${plan.kind}`);
  } else {
    console.log(
      `/jxc slotting WH1: ${holdings} stocked item×bin, ${plan.items.size} items picked (${plan.totalPicks} lines in 90 days), A ${plan.counts.A} / B ${plan.counts.B} / C ${plan.counts.C}; ${plan.moves.length}${plan.truncated ? "+" : ""} moves, ${plan.stuck} stuck: ${ms} ms median of 5 (${cpuMs} ms of CPU; load average ${loadavg()[0]?.toFixed(1)})`,
    );
  }
}
