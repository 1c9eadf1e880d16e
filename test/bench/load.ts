import { type ChildProcess, execFileSync, fork, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { SlackEmulator } from "../harness/slack-emulator.ts";
import { benchAdmin, benchSigningSecret, benchUsers } from "./signed-request.ts";

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
}

export interface RunningServer {
  port: number;
  process: ChildProcess;
  /** Resident memory of the server process now, read from /proc. */
  rssBytes(): number;
  /** CPU time the server process has used so far (all its threads, user and system), from /proc. */
  cpuMicros(): number;
  stop(): Promise<void>;
}

/** jxc under load, and the database file it works on. */
export interface RunningJxc extends RunningServer {
  databasePath: string;
}

const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
/**
 * The same V8 flags as `npm start`: a small young generation, and an old one collected once it has
 * grown a quarter past what the last collection kept (V8 otherwise lets it grow 1.1–4×), keep RSS
 * low at no measurable cost in throughput.
 */
const v8Flags = ["--max-semi-space-size=2", "--heap-growing-percent=25"];
/**
 * The same malloc setting as `npm start`: glibc raises its mmap threshold to the largest block
 * freed (the index build frees 16 MB ones), after which big buffers come from a heap it rarely
 * gives back; a fixed threshold kept 30–40 MB less resident under load.
 */
const mallocEnv = { MALLOC_MMAP_THRESHOLD_: "131072" };

/**
 * Starts jxc exactly as `npm start` does in HTTP mode — the bundle it builds, in its own process,
 * with the outbox worker and the scheduler running — against a local Slack emulator, on a copy of
 * the database (so a run never changes the cached fixture). Waits until /healthz answers and the
 * start-up work is done.
 */
export async function startJxc(
  options: { databasePath?: string; admins?: boolean; roles?: Record<string, string> } = {},
): Promise<RunningJxc> {
  execFileSync("npm", ["run", "build", "--silent"], { cwd: projectRoot, stdio: "inherit" });
  const emulator = await SlackEmulator.start({ users: benchUsers });
  const folder = mkdtempSync(join(tmpdir(), "jxc-bench-run-"));
  const databasePath = join(folder, "jxc.sqlite");
  if (options.databasePath) copyFileSync(options.databasePath, databasePath);
  if (options.roles) grantRoles(databasePath, options.roles);
  const port = await freePort();
  const child = spawn(process.execPath, [...v8Flags, join(projectRoot, "dist/jxc.mjs")], {
    cwd: folder,
    env: {
      ...mallocEnv,
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      SLACK_BOT_TOKEN: emulator.botToken,
      SLACK_SIGNING_SECRET: benchSigningSecret,
      SLACK_API_URL: emulator.apiUrl,
      JXC_TIMEZONE: "Asia/Shanghai",
      JXC_CURRENCY: "CNY",
      JXC_ADMINS: options.admins ? benchAdmin : "",
      LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForHealth(port, child);
  await waitForStartupWork(databasePath);
  return {
    port,
    process: child,
    databasePath,
    rssBytes: () => residentBytes(child.pid ?? 0),
    cpuMicros: () => cpuMicros(child.pid ?? 0),
    stop: async () => {
      child.kill("SIGKILL");
      await emulator.stop();
    },
  };
}

/** Starts a bench server script (the bare Bolt yardstick) in its own process, waiting for its port. */
export function startServer(script: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = fork(script, [], {
    execArgv: [...v8Flags, "--import", "tsx"],
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    child.on("message", (message: { ready?: number }) => {
      if (!message.ready) return;
      resolve({
        port: message.ready,
        process: child,
        rssBytes: () => residentBytes(child.pid ?? 0),
        cpuMicros: () => cpuMicros(child.pid ?? 0),
        stop: async () => {
          child.kill("SIGKILL");
        },
      });
    });
  });
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/**
 * Hammers one URL over keep-alive connections with a signed request, or with several that each
 * connection sends in turn.
 */
export async function load(
  url: string,
  request: SignedRequest | readonly SignedRequest[],
  options: { seconds: number; connections: number },
): Promise<LoadResult> {
  const requests = "body" in request ? [request] : request;
  const result = await autocannon({
    url,
    method: "POST",
    requests: requests.map(({ body, headers }) => ({ method: "POST", body, headers })),
    connections: options.connections,
    duration: options.seconds,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Roles written into the run's copy of the database before the app opens it (user id → role). */
function grantRoles(databasePath: string, roles: Record<string, string>): void {
  const db = new Database(databasePath);
  const grant = db.prepare(
    "insert or ignore into role_assignments (user_id, role, granted_by, granted_at) values (?, ?, 'bench', 0)",
  );
  for (const [userId, role] of Object.entries(roles)) grant.run(userId, role);
  db.close();
}

function residentBytes(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmRSS:\s+(\d+) kB/m);
  return Number(line?.[1] ?? 0) * 1024;
}

// Fields 14 and 15 of /proc/<pid>/stat (utime, stime) in clock ticks, 100 a second on Linux.
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) * 10_000;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForHealth(port: number, child: ChildProcess): Promise<void> {
  let exited: number | null | undefined;
  child.once("exit", (code) => {
    exited = code;
  });
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (exited !== undefined) throw new Error(`jxc exited with ${exited} before it was ready`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("jxc did not answer /healthz within 60 s");
}

/**
 * The fixtures write balances directly, so their triggers queue a low-stock check for every item;
 * the app works through them after it starts (a few seconds at 100k items), which would otherwise
 * share the CPU with the first measurements.
 */
async function waitForStartupWork(databasePath: string): Promise<void> {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  const pending = db.prepare("select count(*) from low_stock_checks").pluck();
  try {
    for (let attempt = 0; attempt < 600; attempt += 1) {
      if (pending.get() === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("jxc did not work through its start-up low-stock checks within 60 s");
  } finally {
    db.close();
  }
}
