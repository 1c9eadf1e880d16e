import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { version } from "../../src/version.ts";
import { startTestApp, type TestApp, testSigningSecret } from "../harness/test-app.ts";

describe("HTTP surface", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ users: [{ id: "U0ALICE", name: "alice", locale: "en-US" }] });
  });
  afterEach(() => t.stop());

  it("reports health with the database and the version", async () => {
    const response = await t.jxc.http.request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, version, database: "ok" });
  });

  it("reports 503 when the database is gone", async () => {
    t.db.$client.close();
    const response = await t.jxc.http.request("/healthz");
    expect(response.status).toBe(503);
  });

  it("sums up the traffic when Bolt stops the receiver, so the last period is not lost", async () => {
    await t.driver.command("U0ALICE", "/jxc", "help");
    await t.jxc.bolt.stop();
    const summary = t.logs.find((l) => l.msg === "slack traffic");
    expect(summary).toMatchObject({ requests: 1, failed: 0, routes: { "/jxc": { count: 1, failed: 0 } } });
  });

  it("logs one structured line per request at debug level, with no credential in any line", async () => {
    await t.driver.command("U0ALICE", "/jxc", "help");
    const line = t.logs.find((l) => l.msg === "slack request");
    expect(line).toMatchObject({ kind: "command", command: "/jxc", user: "U0ALICE", status: 200 });
    expect(typeof line?.requestId).toBe("string");
    expect(typeof line?.latencyMs).toBe("number");
    const all = JSON.stringify(t.logs);
    expect(all).not.toContain(t.emulator.botToken);
    expect(all).not.toContain(testSigningSecret);
    expect(all).not.toContain("v0=");
  });
});
