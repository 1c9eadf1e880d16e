// `npm run bench:plan`: the purchase plan over 100k items and 1M issue lines (target ≤ 3 s).
import { cpus, totalmem } from "node:os";
import { openDatabase } from "../../db/client.ts";
import { buildPurchasePlan, readPlanOptions } from "../../src/domain/purchasing/plan.ts";
import { planBenchNow, planCompanyDatabase } from "./fixtures/plan-company.ts";

/** Plans once to warm the page cache, then times `runs` plans; prints the figures and returns the median. */
export function measurePlan(runs = 5): { ms: number; items: number; suggested: number; issueLines: number } {
  const path = planCompanyDatabase();
  const db = openDatabase(path);
  const issueLines = db.$client
    .prepare("select count(*) from stock_moves where reason = 'issue' and user_id = 'U0BENCH02'")
    .pluck()
    .get() as number;
  const options = readPlanOptions(db);
  let plan = buildPurchasePlan(db, planBenchNow, options);
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    plan = buildPurchasePlan(db, planBenchNow, options);
    times.push(performance.now() - start);
  }
  db.$client.close();
  times.sort((a, b) => a - b);
  return {
    ms: Math.round(times[Math.floor(times.length / 2)] ?? 0),
    items: plan.itemsConsidered,
    suggested: plan.suggested,
    issueLines,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("building the plan benchmark company (cached after the first run)…");
  const result = measurePlan();
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(
    `purchase plan over ${result.items} items and ${result.issueLines} issue lines (${result.suggested} suggestions): ${(result.ms / 1000).toFixed(2)} s median of 5 (target ≤ 3 s)`,
  );
}
