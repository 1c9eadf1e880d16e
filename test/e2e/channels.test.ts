import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { grantRoles } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const zhAdmin = "U0LI";
const keeper = "U0WANG";

interface Reply {
  response_type: string;
  text: string;
  blocks?: { text?: { text: string } }[];
}

/** What the user reads: the blocks (the fallback text is cut at 3000 characters). */
const shown = (reply: Reply) => (reply.blocks ?? []).map((block) => block.text?.text ?? "").join("\n");

describe("/jxc channel", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({
      admins: [admin, zhAdmin],
      users: [
        { id: admin, name: "boss", locale: "en-US" },
        { id: zhAdmin, name: "li", locale: "zh-CN" },
        { id: keeper, name: "wang", locale: "zh-CN" },
      ],
    });
    await grantRoles(t, admin, { [keeper]: "warehouse_keeper" });
  });
  afterEach(() => t.stop());

  const say = async (user: string, text: string) => {
    const response = await t.driver.command(user, "/jxc", text);
    expect(response.status).toBe(200);
    return response.json as Reply;
  };
  const rows = () =>
    t.db.$client.prepare("select department, channel_id, updated_by from department_channels").all();
  const audits = () =>
    t.db.$client
      .prepare("select actor, entity_id, after from audit_log where action = 'department_channel.set'")
      .all();

  it("sets a department's channel from Slack's escaped mention, checks membership and records who did it", async () => {
    const reply = await say(admin, "channel warehouse <#C0WH|warehouse>");
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toBe("Done — Warehouse notices now go to <#C0WH>.");
    expect(t.emulator.calls("conversations.info").map((call) => call.args.channel)).toEqual(["C0WH"]);
    expect(rows()).toEqual([{ department: "warehouse", channel_id: "C0WH", updated_by: admin }]);
    expect(audits()).toEqual([
      { actor: admin, entity_id: "warehouse", after: JSON.stringify({ channelId: "C0WH" }) },
    ]);

    const again = await say(admin, "channel Warehouse <#C0WH>");
    expect(again.text).toBe("<#C0WH> already is the Warehouse channel; nothing changed.");
    expect(audits()).toHaveLength(1);
  });

  it("accepts Chinese department names and tells the admin, in Chinese, how to invite the bot", async () => {
    t.emulator.removeBotFromChannel("C0BUY");
    const reply = await say(zhAdmin, "channel 采购部 <#C0BUY|采购>");
    expect(reply.text).toContain("已完成：采购的通知今后发到 <#C0BUY>。");
    expect(reply.text).toContain("jxc 还不是 <#C0BUY> 的成员");
    expect(reply.text).toContain("`/invite @jxc`");
    expect(rows()).toEqual([{ department: "purchasing", channel_id: "C0BUY", updated_by: zhAdmin }]);
  });

  it("says how to invite the bot to a private channel it cannot see", async () => {
    t.emulator.removeBotFromChannel("G0FIN");
    const reply = await say(admin, "channel finance <#G0FIN|money>");
    expect(reply.text).toContain("Done — Finance notices now go to <#G0FIN>.");
    expect(reply.text).toContain("jxc is not a member of <#G0FIN>");
    expect(reply.text).toContain("type `/invite @jxc`");
  });

  it("still sets the channel when Slack does not answer the membership check", async () => {
    t.emulator.failNext("conversations.info", { error: "internal_error" });
    const reply = await say(admin, "channel sales <#C0SALES|sales>");
    expect(reply.text).toContain("Done — Sales notices now go to <#C0SALES>.");
    expect(reply.text).toContain("Slack did not say whether jxc is in <#C0SALES>");
  });

  it("lists every department's channel to anyone with a role", async () => {
    await say(admin, "channel warehouse <#C0WH|warehouse>");
    const reply = await say(keeper, "channel");
    expect(reply.text).toContain("部门频道");
    expect(reply.text).toContain("*仓库* `warehouse` — <#C0WH>");
    expect(reply.text).toContain("*采购* `purchasing` — _未设置_");
  });

  it("appears in /jxc help: looking for every role, changing for admins", async () => {
    const forAdmin = shown(await say(admin, "help"));
    // Help escapes < and > so Slack shows them as typed.
    expect(forAdmin).toContain(
      "`/jxc channel &lt;department&gt; #channel` — Set a department's channel (admins)",
    );
    expect(forAdmin).toContain("`/jxc route &lt;event-type&gt; add|remove &lt;target&gt; · reset`");
    const forKeeper = shown(await say(keeper, "help"));
    expect(forKeeper).toContain("`/jxc channel` — 查看各部门的通知频道");
    expect(forKeeper).toContain("`/jxc route [&lt;event-type&gt;]` — 查看每类事件通知谁");
    expect(forKeeper).not.toContain("#channel");
    expect(forKeeper).not.toContain("add|remove");
  });

  it("refuses bad input in the user's language and writes nothing", async () => {
    const cases: [string, string, string][] = [
      [admin, "channel marketing <#C0MK|mk>", "`marketing` is not a department. Departments: `purchasing`"],
      [zhAdmin, "channel 市场 <#C0MK|mk>", "`市场` 不是部门。部门：`采购`、`仓库`"],
      [admin, "channel warehouse #warehouse", "`#warehouse` reached jxc as plain text"],
      [zhAdmin, "channel 仓库 #仓库", "`#仓库` 是以纯文本发送的"],
      [admin, "channel warehouse", "Name the channel: type # and pick it"],
      [keeper, "channel warehouse <#C0WH|warehouse>", "您没有权限执行此操作（需要以下角色之一：管理员）"],
    ];
    for (const [user, text, expected] of cases) {
      expect((await say(user, text)).text).toContain(expected);
    }
    expect(rows()).toEqual([]);
    expect(audits()).toEqual([]);
    expect(t.emulator.calls("conversations.info")).toEqual([]);
  });
});
