import { afterAll, beforeAll, expect, it } from "vitest";
import { systemClock } from "../../src/domain/clock.ts";
import { bootstrapAdmins, revokeRole } from "../../src/domain/roles.ts";
import { demoAdmin } from "../../src/sandbox/demo/demo-people.ts";
import { describeInBrowser, openSandboxPage, type SandboxPage } from "./sandbox-page.ts";

const header =
  "sku,name,name_zh,unit,barcode,category,sale_price,reorder_point,reorder_qty,lead_time_days,supplier";
const badFile = [
  header,
  "GLV-XL,Work gloves XL,劳保手套XL,pair,,safety,abc,,,,",
  "GLV-XXL,,,pair,,safety,9.00,,,,",
].join("\n");
const goodFile = [header, "GLV-XL,Work gloves XL,劳保手套XL,pair,,safety,8.50,20,100,3,ABS"].join("\n");

describeInBrowser(
  "the sandbox page: a modal with a file upload, field errors and row errors",
  { timeout: 45_000 },
  () => {
    let t: SandboxPage;
    beforeAll(async () => {
      t = await openSandboxPage({ as: demoAdmin.id });
    }, 30_000);
    afterAll(() => t?.close());

    const openImport = async () => {
      await t.type("/jxc import items");
      await t.modal().getByRole("heading", { name: "Import CSV" }).waitFor();
    };
    const pickFile = async (name: string, text: string) => {
      await t
        .modal()
        .locator("input[type=file]")
        .setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
      await t.modal().locator(".sk-file-chip", { hasText: name }).waitFor();
    };

    it("refuses to submit without the required file, as Slack's client does", async () => {
      await openImport();
      await t.modal().getByRole("button", { name: "Import" }).click();
      await t
        .modal()
        .getByRole("alert")
        .filter({ hasText: "Please complete this required field." })
        .waitFor();
      expect(t.sandbox.emulator.calls("views.update")).toHaveLength(0);
      await t.screenshot("import-required");
    });

    it("shows the app's row errors for a bad file, then imports the corrected one", async () => {
      await pickFile("bad-items.csv", badFile);
      await t.modal().getByRole("button", { name: "Import" }).click();
      await t.modal().getByText("Nothing was imported from").waitFor();
      const report = (await t.modal().textContent()) ?? "";
      expect(report).toMatch(/Row 2, sale_price/);
      expect(report).toMatch(/Row 3, name/);
      await t.screenshot("import-row-errors");
      await t.modal().locator(".modal-footer").getByRole("button", { name: "Close" }).click();
      await t.modal().waitFor({ state: "detached" });

      await openImport();
      await pickFile("items.csv", goodFile);
      await t.modal().getByRole("button", { name: "Import" }).click();
      await t.modal().getByText("Imported items from").waitFor();
      // The report also arrives as a DM from the app: the sidebar says so.
      await t.page.locator("#sidebar .side-link.unread", { hasText: "jxc" }).waitFor();
      await t.modal().locator(".modal-footer").getByRole("button", { name: "Close" }).click();
      await t.page.locator("#sidebar").getByRole("button", { name: /jxc/ }).click();
      await t.page.getByRole("tab", { name: "Messages" }).click();
      await t.message("Imported items from");
    });

    it("shows a field error the app answers (response_action errors) under the input", async () => {
      await t.openChannel("general");
      await openImport();
      await pickFile("items.csv", goodFile);
      // Someone takes the admin role away while the modal is open; the app refuses the submission.
      bootstrapAdmins(t.sandbox.db, systemClock, ["U0OTHERADMIN"]);
      revokeRole(t.sandbox.db, systemClock, { actor: "U0OTHERADMIN", userId: demoAdmin.id, role: "admin" });
      await t.modal().getByRole("button", { name: "Import" }).click();
      const error = t.modal().getByRole("alert").filter({ hasText: "not allowed" });
      await error.waitFor();
      await t.screenshot("import-field-error");
    });
  },
);
