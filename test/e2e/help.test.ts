import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

interface EphemeralBody {
  response_type: string;
  text: string;
  blocks: { type: string; text?: { text: string } }[];
}

const users = [
  { id: "U0ALICE", name: "alice", locale: "en-US" },
  { id: "U0WANG", name: "wang", locale: "zh-CN" },
];

describe("/jxc help", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ users });
  });
  afterEach(() => t.stop());

  const reply = async (user: string, text: string) => {
    const response = await t.driver.command(user, "/jxc", text);
    expect(response.status).toBe(200);
    return response.json as EphemeralBody;
  };

  it("lists the commands in English, visible only to the user", async () => {
    const body = await reply("U0ALICE", "help");
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toContain("/jxc lang en|zh");
    expect(body.blocks[0]).toMatchObject({
      type: "header",
      text: { text: "jxc — purchase · sales · inventory" },
    });
  });

  it("shows help for /jxc alone", async () => {
    const body = await reply("U0ALICE", "");
    expect(body.text).toContain("jxc — purchase · sales · inventory");
  });

  it("answers in Chinese for a user whose Slack locale is zh-CN, asking Slack once", async () => {
    const first = await reply("U0WANG", "help");
    expect(first.text).toContain("jxc — 进销存");
    expect(first.text).toContain("选择语言");
    await reply("U0WANG", "help");
    const lookups = t.emulator.calls("users.info");
    expect(lookups).toHaveLength(1);
    expect(lookups[0]?.args).toMatchObject({ user: "U0WANG", include_locale: "true" });
  });

  it("offers a 'did you mean' for a typo, with the help", async () => {
    const body = await reply("U0ALICE", "hepl");
    expect(body.text).toContain("Did you mean `/jxc help`?");
    expect(body.text).toContain("/jxc lang en|zh");
    const zh = await reply("U0WANG", "hepl");
    expect(zh.text).toContain("您是想输入 `/jxc help` 吗？");
  });

  it("answers an unknown word without a suggestion when none is close", async () => {
    const body = await reply("U0ALICE", "teleport");
    expect(body.text).toContain("I don't know `teleport`.");
    expect(body.text).not.toContain("Did you mean");
  });
});

describe("/jxc lang", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({ users });
  });
  afterEach(() => t.stop());

  it("overrides the Slack locale, confirms in the new language and records who changed it", async () => {
    const changed = await t.driver.command("U0ALICE", "/jxc", "lang zh");
    expect((changed.json as EphemeralBody).text).toBe("好的，jxc 以后将用简体中文与您交流。");
    const help = await t.driver.command("U0ALICE", "/jxc", "help");
    expect((help.json as EphemeralBody).text).toContain("jxc — 进销存");

    const back = await t.driver.command("U0ALICE", "/jxc", "lang en");
    expect((back.json as EphemeralBody).text).toBe("Done — jxc will talk to you in English.");
    const audit = t.db.$client
      .prepare("select actor, action, before, after from audit_log order by id")
      .all();
    expect(audit).toEqual([
      {
        actor: "U0ALICE",
        action: "user.language.set",
        before: '{"language":null}',
        after: '{"language":"zh-CN"}',
      },
      {
        actor: "U0ALICE",
        action: "user.language.set",
        before: '{"language":"zh-CN"}',
        after: '{"language":"en"}',
      },
    ]);
  });

  it("refuses a language it does not speak, in the user's language, and writes nothing", async () => {
    const en = await t.driver.command("U0ALICE", "/jxc", "lang klingon");
    expect((en.json as EphemeralBody).text).toBe("`klingon` is not a language jxc speaks. Try `en` or `zh`.");
    const zh = await t.driver.command("U0WANG", "/jxc", "lang klingon");
    expect((zh.json as EphemeralBody).text).toBe("jxc 不支持 `klingon`，请使用 `en` 或 `zh`。");
    expect(t.db.$client.prepare("select count(*) as n from audit_log").get()).toEqual({ n: 0 });
  });

  it("explains the usage when no language is given", async () => {
    const body = await t.driver.command("U0ALICE", "/jxc", "lang");
    expect((body.json as EphemeralBody).text).toBe("Usage: `/jxc lang en` or `/jxc lang zh`");
  });
});

describe("App Home", () => {
  it("publishes the user's home tab in their language", async () => {
    const t = await startTestApp({ users });
    try {
      await t.driver.event({
        type: "app_home_opened",
        user: "U0WANG",
        channel: "D0WANG",
        tab: "home",
        event_ts: "1.2",
      });
      const home = t.emulator.homeView("U0WANG");
      expect(JSON.stringify(home)).toContain("jxc — 进销存");
    } finally {
      await t.stop();
    }
  });
});
