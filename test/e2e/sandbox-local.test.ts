import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.ts";
import { demoUserWithRole } from "../../src/sandbox/demo/demo-people.ts";
import { type LocalSandbox, startLocal } from "../../src/sandbox/start-local.ts";

const keeper = demoUserWithRole("warehouse_keeper");
const admin = demoUserWithRole("admin");
const accountant = demoUserWithRole("accountant");

async function startSandbox(databasePath: string): Promise<LocalSandbox> {
  return startLocal({
    databasePath,
    port: 0,
    host: "127.0.0.1",
    company: { currency: "CNY", timeZone: "Asia/Shanghai" },
    admins: [],
    logger: createLogger({ level: "silent" }),
  });
}

describe("local mode: the sandbox server", () => {
  const databasePath = join(mkdtempSync(join(tmpdir(), "jxc-sandbox-")), "sandbox.sqlite");
  let sandbox: LocalSandbox;
  const api = (path: string, body: unknown, headers: Record<string, string> = { "X-Jxc-Sandbox": "1" }) =>
    fetch(new URL(`sandbox/${path}`, sandbox.url), {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: JSON.stringify(body),
    });
  const workspace = async (user: string) =>
    (await (await fetch(new URL(`sandbox/workspace?user=${user}`, sandbox.url))).json()) as {
      messages: { text?: string; ephemeral?: boolean; visibleTo?: string }[];
      modals: { id: string }[];
      people: { id: string; roles: string[]; language: string }[];
      commands: { command: string }[];
    };

  beforeAll(async () => {
    sandbox = await startSandbox(databasePath);
  });
  afterAll(() => sandbox?.stop());

  it("loads the demo company on first start, serves the page and stays on loopback", async () => {
    expect(sandbox.loadedDemo).toBe(true);
    expect(sandbox.url).toMatch(/^http:\/\/localhost:\d+\/$/);
    const page = await fetch(sandbox.url);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(await page.text()).toContain("/sandbox/page/app.js");
    expect((await fetch(new URL("sandbox/page/app.js", sandbox.url))).status).toBe(200);
    expect((await fetch(new URL("sandbox/page/..%2F..%2Fconfig.ts", sandbox.url))).status).toBe(404);
    expect((await fetch(new URL("healthz", sandbox.url))).status).toBe(200);
  });

  it("describes people with their role and language, and offers the manifest's slash commands", async () => {
    const view = await workspace(keeper.id);
    expect(view.people.find((p) => p.id === keeper.id)).toMatchObject({
      roles: ["仓管员"],
      language: "中文",
    });
    expect(view.commands.map((c) => c.command)).toEqual([
      "/jxc",
      "/stock",
      "/adjust",
      "/move",
      "/approve",
      "/po",
      "/receive",
      "/supplier",
      "/count",
    ]);
  });

  it("refuses acts from pages that are not its own (no sandbox header)", async () => {
    const response = await api(
      "command",
      { user: keeper.id, channel: "C0WAREHOUSE", text: "/stock 螺丝" },
      {},
    );
    expect(response.status).toBe(403);
  });

  it("turns a typed command into a signed Slack request; the reply is ephemeral to its user", async () => {
    const response = await api("command", {
      user: keeper.id,
      channel: "C0WAREHOUSE",
      text: "/stock SCR-M5-20",
    });
    expect(await response.json()).toEqual({ ok: true });
    const mine = (await workspace(keeper.id)).messages.filter((m) => m.ephemeral);
    expect(mine.at(-1)?.text).toContain("十字机螺丝 M5×20");
    expect((await workspace(accountant.id)).messages.filter((m) => m.ephemeral)).toEqual([]);
  });

  it("refuses commands the app did not declare and channels that do not exist, as Slack does", async () => {
    const unknown = await api("command", { user: keeper.id, channel: "C0WAREHOUSE", text: "/nope" });
    expect(await unknown.json()).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^\/nope is not a valid command/),
    });
    const nowhere = await api("command", { user: keeper.id, channel: "C0NOWHERE", text: "/stock x" });
    expect(await nowhere.json()).toEqual({ ok: false, error: "No such channel." });
  });

  it("routes the demo departments to their channels, and escapes a typed #channel as Slack does", async () => {
    await api("command", { user: admin.id, channel: "C0JXCGENERAL", text: "/jxc channel" });
    const listed = (await workspace(admin.id)).messages.filter((m) => m.ephemeral).at(-1)?.text ?? "";
    expect(listed).toContain("*Warehouse* `warehouse` — <#C0WAREHOUSE>");
    expect(listed).toContain("*Finance* `finance` — <#C0FINANCE>");
    await api("command", { user: admin.id, channel: "C0JXCGENERAL", text: "/jxc channel sales #general" });
    const set = (await workspace(admin.id)).messages.filter((m) => m.ephemeral).at(-1)?.text ?? "";
    expect(set).toBe("Done — Sales notices now go to <#C0JXCGENERAL>.");
    await api("command", { user: admin.id, channel: "C0JXCGENERAL", text: "/jxc channel sales #sales" });
  });

  it("lets people act only on their own modals", async () => {
    await api("command", { user: admin.id, channel: "C0JXCGENERAL", text: "/jxc import items" });
    const [modal] = (await workspace(admin.id)).modals;
    if (!modal) throw new Error("the import modal did not open");
    const someoneElse = await api("submit", { user: keeper.id, viewId: modal.id, state: {} });
    expect(await someoneElse.json()).toMatchObject({ ok: false });
    await api("close", { user: admin.id, viewId: modal.id, state: {} });
    expect((await workspace(admin.id)).modals).toEqual([]);
  });

  it("streams a change event when the workspace changes", async () => {
    const controller = new AbortController();
    const stream = await fetch(new URL("sandbox/live", sandbox.url), { signal: controller.signal });
    const reader = stream.body?.getReader();
    if (!reader) throw new Error("no stream");
    const seen: string[] = [];
    const read = async (wanted: string) => {
      while (!seen.join("").includes(wanted)) {
        const { value, done } = await reader.read();
        if (done) break;
        seen.push(Buffer.from(value).toString("utf8"));
      }
    };
    await read("event: ready");
    await api("message", { user: keeper.id, channel: "C0WAREHOUSE", text: "shelf A-01 restocked" });
    await read("event: changed");
    expect(seen.join("")).toContain("event: changed");
    controller.abort();
  });

  it("keeps the data on restart and does not load the demo twice", async () => {
    await sandbox.stop();
    sandbox = await startSandbox(databasePath);
    expect(sandbox.loadedDemo).toBe(false);
  });
});
