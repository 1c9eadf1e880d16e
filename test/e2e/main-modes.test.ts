import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

// `npm start` as a newcomer runs it: the bundle it builds, in its own process.
const started: ChildProcess[] = [];
const bundle = join(process.cwd(), "dist/jxc.mjs");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Starts the built app with only these variables (no .env is read from the temp folder) and waits for `ready`. */
async function startMain(
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ output: string; port: number }> {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), "jxc-main-"));
  // From a temp folder, so a developer's own .env (maybe with credentials) stays out of it.
  const child = spawn(process.execPath, ["--max-semi-space-size=2", "--heap-growing-percent=25", bundle], {
    cwd: folder,
    env: {
      PATH: process.env.PATH ?? "",
      PORT: String(port),
      DATABASE_PATH: join(folder, "db.sqlite"),
      ...env,
    },
  });
  started.push(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${ready} in: ${output}`)), 15_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { output, port };
}

describe("npm start", { timeout: 30_000 }, () => {
  beforeAll(() => {
    execFileSync("npm", ["run", "build", "--silent"], { cwd: process.cwd(), stdio: "inherit" });
  });
  afterEach(() => {
    for (const child of started.splice(0)) child.kill("SIGTERM");
  });

  it("opens the local sandbox when no Slack credentials are set, and says so in one line", async () => {
    const { output, port } = await startMain({}, /jxc sandbox: open/);
    expect(output.trim()).toBe(
      `jxc sandbox: open http://localhost:${port}/ (no Slack credentials, so everything runs locally)`,
    );
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
  });

  it("never serves the sandbox when Slack credentials are set", async () => {
    const credentials = {
      SLACK_BOT_TOKEN: "xoxb-1-2-abc",
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5",
    };
    const { output, port } = await startMain(credentials, /jxc listening/);
    expect(output).not.toContain("sandbox");
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/sandbox/workspace?user=U0CHENMING`)).status).toBe(404);
  });
});
