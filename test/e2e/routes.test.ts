import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recipientsFor } from "../../src/domain/routing/routes.ts";
import { grantRoles } from "../harness/flows.ts";
import { startTestApp, type TestApp } from "../harness/test-app.ts";

const admin = "U0ADMIN";
const zhAdmin = "U0LI";
const supervisor = "U0SUP";

interface Reply {
  text: string;
  blocks?: unknown[];
}

describe("/jxc route", () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp({
      admins: [admin, zhAdmin],
      users: [
        { id: admin, name: "boss", locale: "en-US" },
        { id: zhAdmin, name: "li", locale: "zh-CN" },
        { id: supervisor, name: "zhao", locale: "zh-CN" },
      ],
    });
    await grantRoles(t, admin, { [supervisor]: "warehouse_supervisor" });
  });
  afterEach(() => t.stop());

  const say = async (user: string, text: string) => {
    const response = await t.driver.command(user, "/jxc", text);
    expect(response.status).toBe(200);
    return response.json as Reply;
  };
  const rules = () =>
    t.db.$client.prepare("select event_type, target from routing_rules order by event_type, target").all();
  const audits = () =>
    t.db.$client
      .prepare(
        "select action, entity_id, before, after from audit_log where action like 'route.%' order by id",
      )
      .all();

  it("shows every event type's targets, defaults included, within Block Kit's limits", async () => {
    await say(admin, "channel warehouse <#C0WH|warehouse>");
    const reply = await say(supervisor, "route");
    expect(reply.text).toContain("通知对象");
    expect(reply.text).toContain("*`approval.approved`* — 单据审批通过（默认）\n• 申请人（私信） `owner`");
    expect(reply.text).toContain(
      "*`adjustment.posted`* — 库存调整已记账（默认）\n• 仓库频道 <#C0WH> `channel:warehouse`",
    );
    expect(reply.text).toContain("*`approval.reminder`* — 审批等待过久（默认）\n• _无人_");
  });

  it("adds and removes targets, keeping the defaults, with an audit row for each change", async () => {
    const added = await say(admin, "route adjustment.posted add role:warehouse_supervisor");
    expect(added.text).toContain("Done — `role:warehouse_supervisor` now hears of `adjustment.posted`.");
    expect(added.text).toContain("(set by an admin)");
    expect(added.text).toContain("• every Warehouse supervisor, by DM `role:warehouse_supervisor`");
    expect(added.text).toContain(
      "• the Warehouse channel (not set yet: `/jxc channel warehouse #channel`) `channel:warehouse`",
    );
    expect(recipientsFor(t.db, "adjustment.posted").users).toEqual([supervisor]);

    const chinese = await say(zhAdmin, "route adjustment.posted remove channel:仓库");
    expect(chinese.text).toContain("已完成：`channel:warehouse` 不再收到 `adjustment.posted` 通知。");
    expect(rules()).toEqual([{ event_type: "adjustment.posted", target: "role:warehouse_supervisor" }]);

    const same = await say(admin, "route adjustment.posted add role:仓库主管");
    expect(same.text).toContain("already hears of");
    expect(audits().map((row) => (row as { action: string }).action)).toEqual(["route.add", "route.remove"]);
  });

  it("routes to nobody after the last target goes, and back to the defaults on reset", async () => {
    await say(admin, "route approval.rejected remove owner");
    expect(recipientsFor(t.db, "approval.rejected", { ownerUserId: supervisor }).users).toEqual([]);
    expect((await say(admin, "route approval.rejected")).text).toContain("• _nobody_");
    const reset = await say(admin, "route approval.rejected reset");
    expect(reset.text).toContain("Done — `approval.rejected` is back to the default.");
    expect(recipientsFor(t.db, "approval.rejected", { ownerUserId: supervisor }).users).toEqual([supervisor]);
    expect(rules()).toEqual([]);
  });

  it("answers an unknown event type or target with the valid choices, in the user's language, writing nothing", async () => {
    const cases: [string, string, string[]][] = [
      [
        admin,
        "route invoice.created",
        ["`invoice.created` is not an event type.", "`approval.requested`", "`adjustment.posted`"],
      ],
      [
        admin,
        "route adjustment.posted add role:wizard",
        ["`role:wizard` is not a target.", "`owner`", "`warehouse_supervisor`", "`channel:<department>`"],
      ],
      [zhAdmin, "route adjustment.posted add 市场部", ["`市场部` 不是有效的通知对象", "`role:<角色>`"]],
      [zhAdmin, "route 入库 add owner", ["`入库` 不是事件类型。"]],
      [admin, "route adjustment.posted remove", ["Admins: `/jxc route <event-type> add|remove <target>`"]],
      [
        admin,
        "route adjustment.posted delete owner",
        ["Admins: `/jxc route <event-type> add|remove <target>`"],
      ],
      [supervisor, "route adjustment.posted add owner", ["您没有权限执行此操作"]],
    ];
    for (const [user, text, expected] of cases) {
      const reply = await say(user, text);
      for (const part of expected) expect(reply.text).toContain(part);
    }
    expect(rules()).toEqual([]);
    expect(audits()).toEqual([]);
  });
});
