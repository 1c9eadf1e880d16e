import { afterAll, beforeAll, expect, it } from "vitest";
import { demoUserWithRole } from "../../src/sandbox/demo/demo-people.ts";
import { describeInBrowser, openSandboxPage, type SandboxPage } from "./sandbox-page.ts";

const supervisor = demoUserWithRole("warehouse_supervisor");

describeInBrowser("the sandbox page: languages and the App Home tab", { timeout: 45_000 }, () => {
  let t: SandboxPage;
  beforeAll(async () => {
    t = await openSandboxPage({ as: supervisor.id });
  }, 30_000);
  afterAll(() => t?.close());

  it("answers in English first, then in Chinese after /jxc lang zh", async () => {
    expect(supervisor.locale).toBe("en-US");
    await t.openChannel("general");
    await t.type("/jxc help");
    await t.message("jxc — purchase · sales · inventory");
    await t.type("/jxc lang zh");
    await t.message("jxc 以后将用简体中文与您交流");
    await t.type("/jxc help");
    await t.message("jxc — 进销存");
    await t.page.locator("#you-are-detail", { hasText: "中文" }).waitFor();
    await t.screenshot("language-zh");
  });

  it("publishes the App Home tab in the user's language when it is opened", async () => {
    await t.page.locator("#sidebar").getByRole("button", { name: /jxc/ }).click();
    await t.page.locator(".home-view", { hasText: "jxc — 我的工作" }).waitFor();
    await t.screenshot("app-home-zh");
  });

  it("offers the app's slash commands from its manifest as you type /", async () => {
    await t.openChannel("general");
    await t.page.getByRole("textbox", { name: "Message", exact: true }).fill("/st");
    await t.page.locator(".command-hint", { hasText: "/stock" }).waitFor();
    await t.type("/nonsense");
    await t.message("/nonsense is not a valid command");
  });
});
