import { afterAll, beforeAll, expect, it } from "vitest";
import { demoUserWithRole } from "../../src/sandbox/demo/demo-people.ts";
import { describeInBrowser, openSandboxPage, type SandboxPage } from "./sandbox-page.ts";

const keeper = demoUserWithRole("warehouse_keeper");

describeInBrowser("the sandbox page: a blind count in the modal", { timeout: 45_000 }, () => {
  let t: SandboxPage;
  beforeAll(async () => {
    t = await openSandboxPage({ as: keeper.id });
  }, 30_000);
  afterAll(() => t?.close());

  it("王芳 starts a count of a bin, fills the sheet with an error beside a line, saves and finishes", async () => {
    await t.openChannel("warehouse");
    await t.type("/count start MAIN/C-04");
    const started = await t.message("*CNT-000001* 已开始".replaceAll("*", ""));
    expect(await started.getAttribute("class")).toContain("ephemeral");
    await started.getByRole("button", { name: "开始录入" }).click();
    await t.modal().getByRole("heading", { name: "盘点 CNT-000001" }).waitFor();
    const sheet = (await t.modal().textContent()) ?? "";
    expect(sheet).toContain("C-04 · EL-WIRE-2.5 · 铜芯电线 2.5平方");
    // The books hold 900, 450, 36, 320 and 80: none of it is on the sheet. PVC tape comes in boxes of 10.
    for (const held of ["900", "450", "320"]) expect(sheet).not.toContain(held);

    const fields = t.modal().getByRole("textbox");
    expect(await fields.count()).toBe(5);
    for (const [index, typed] of ["90 box", "450", "28", "320", "很多"].entries()) {
      await fields.nth(index).fill(typed);
    }
    await t.modal().getByRole("button", { name: "保存" }).click();
    await t.modal().getByText("`很多` 不是有效数量：不是数字。").waitFor();
    await t.screenshot("count-sheet-error", t.modal());
    await fields.nth(4).fill("80");
    await t.modal().getByRole("button", { name: "保存" }).click();
    await t.modal().getByText("已保存。CNT-000001 已盘 5/5 行。").waitFor();
    await t.modal().locator(".modal-footer").getByRole("button", { name: "关闭" }).click();
    await t.modal().waitFor({ state: "detached" });

    await t.type("/count CNT-000001 完成");
    const report = await t.message("盘点差异报告");
    const text = (await report.textContent()) ?? "";
    expect(text).toContain("待审批");
    expect(text).toContain("−8 roll");
    await t.screenshot("count-report", report);
  });
});
