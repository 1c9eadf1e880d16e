import { afterAll, beforeAll, expect, it } from "vitest";
import { demoUserWithRole } from "../../src/sandbox/demo/demo-people.ts";
import { describeInBrowser, openSandboxPage, type SandboxPage } from "./sandbox-page.ts";

const keeper = demoUserWithRole("warehouse_keeper");
const supervisor = demoUserWithRole("warehouse_supervisor");

describeInBrowser("the sandbox page: /stock, sharing and threads", { timeout: 45_000 }, () => {
  let t: SandboxPage;
  beforeAll(async () => {
    t = await openSandboxPage({ as: keeper.id });
  }, 30_000);
  afterAll(() => t?.close());

  it("shows the warehouse keeper an ephemeral stock card in Chinese and shares it in the channel", async () => {
    await t.openChannel("warehouse");
    await t.type("/stock SCR-M5-20");
    const card = await t.message("十字机螺丝 M5×20");
    expect(await card.getAttribute("class")).toContain("ephemeral");
    expect(await card.textContent()).toContain("Only visible to you");
    expect(await card.textContent()).toContain("库存不足");

    await card.getByRole("button", { name: "分享到频道" }).click();
    const shared = await t.message("由 @王芳 分享");
    expect(await shared.getAttribute("class")).not.toContain("ephemeral");
    expect(await shared.textContent()).toContain("MAIN");
    // What the page shows is what the app posted through Slack's Web API.
    const posted = t.sandbox.emulator.messages("C0WAREHOUSE").filter((m) => !m.ephemeral);
    expect(posted).toHaveLength(1);
    await t.screenshot("stock-shared");
  });

  it("replaces a list in place when the user pages through it", async () => {
    await t.type("/stock 螺丝");
    const list = await t.message("共有 11 个商品匹配");
    await list.getByRole("button", { name: "下一页 ▶" }).click();
    await t.message("显示第 11–11 个");
    await t.page.locator("#messages .message", { hasText: "显示第 1–10 个" }).waitFor({ state: "detached" });
  });

  it("keeps a message's element while other messages arrive, so what holds it is not left detached", async () => {
    const earlier = await (await t.message("共有 11 个商品匹配")).elementHandle();
    const cards = t.page.locator("#messages .message", { hasText: "十字机螺丝 M5×20" });
    const before = await cards.count();
    await t.type("/stock SCR-M5-20");
    await cards.nth(before).waitFor();
    expect(await earlier?.evaluate((node) => node.isConnected)).toBe(true);
  });

  it("shows the shared card, but not the keeper's ephemeral ones, to someone else; replies go in a thread", async () => {
    await t.actAs(supervisor.id);
    await t.openChannel("warehouse");
    const shared = await t.message("Machine screw M5×20");
    expect(await t.page.locator("#messages .message.ephemeral").count()).toBe(0);

    await shared.hover();
    await shared.getByRole("button", { name: "Reply in thread" }).click();
    const reply = t.page.getByRole("textbox", { name: "Reply" });
    await reply.fill("On it — ordering more M5 screws today.");
    await reply.press("Enter");
    await t.page.locator("#thread .message", { hasText: "ordering more M5" }).waitFor();
    await shared.getByRole("button", { name: "1 reply" }).waitFor();
    await t.screenshot("thread");
  });
});
