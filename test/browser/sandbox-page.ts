// Opens the local sandbox in real headless Chromium for the browser tests, the way a newcomer
// would see it after `npm start`: the real app, the emulator, the demo company and the page.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { describe } from "vitest";
import { createLogger } from "../../src/log.ts";
import { type LocalSandbox, startLocal } from "../../src/sandbox/start-local.ts";

const chromiumPath = "/usr/bin/chromium";
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Where screenshots go (gitignored); look at them after a run. */
export const artifactsDir = join(process.cwd(), "test-artifacts");

const skip = !existsSync(chromiumPath) && !process.env.CI;
if (skip) {
  console.warn(
    `test/browser: skipped because ${chromiumPath} is missing (apt-get install chromium); in CI these tests always run`,
  );
}

/** `describe` for browser tests: skipped only on a machine without Chromium outside CI. */
export const describeInBrowser = skip ? describe.skip : describe;

/** A sandbox with one browser tab on it, and the moves a person makes there. */
export interface SandboxPage {
  page: Page;
  sandbox: LocalSandbox;
  /** Picks who you are in the "you are" switch. */
  actAs(userId: string): Promise<void>;
  openChannel(name: string): Promise<void>;
  /** Types into the message box and presses Enter. */
  type(text: string): Promise<void>;
  /** The message (in the open conversation) containing this text, once it is there. */
  message(text: string | RegExp): Promise<Locator>;
  modal(): Locator;
  /** Saves test-artifacts/<name>.png of the page, or of one part of it. */
  screenshot(name: string, part?: Locator): Promise<string>;
  /** The app's log lines at warn and above (expected ones, like a missing ack, included). */
  logs: string[];
  close(): Promise<void>;
}

/** Starts the sandbox in-process on a free port with a temporary database, and opens the page in Chromium. */
export async function openSandboxPage(options: { as?: string } = {}): Promise<SandboxPage> {
  const folder = mkdtempSync(join(tmpdir(), "jxc-browser-"));
  const logs: string[] = [];
  const sandbox = await startLocal({
    databasePath: join(folder, "sandbox.sqlite"),
    port: 0,
    host: "127.0.0.1",
    company: { currency: "CNY", timeZone: "Asia/Shanghai" },
    admins: [],
    logger: createLogger({ level: "warn", destination: { write: (line: string) => void logs.push(line) } }),
  });
  const browser: BrowserContext = await chromium.launchPersistentContext(join(folder, "profile"), {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  // Fail a step well before the test's own timeout, with Playwright's account of what it waited for.
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`${sandbox.url}${options.as ? `?as=${options.as}` : ""}`);
  await page.locator("#sidebar .side-link").first().waitFor();
  const composer = page.getByRole("textbox", { name: "Message", exact: true });
  return {
    page,
    sandbox,
    async actAs(userId) {
      await page.getByLabel("You are").selectOption(userId);
      await page.waitForURL(new RegExp(`as=${userId}`));
    },
    async openChannel(name) {
      await page
        .locator("#sidebar")
        .getByRole("button", { name: `# ${name}` })
        .click();
      await page.locator("#conversation-header").getByText(`# ${name}`).waitFor();
    },
    async type(text) {
      await composer.fill(text);
      await composer.press("Enter");
    },
    async message(text) {
      const found = page.locator("#messages .message").filter({ hasText: text }).last();
      await found.waitFor();
      return found;
    },
    modal: () => page.getByRole("dialog"),
    async screenshot(name, part) {
      mkdirSync(artifactsDir, { recursive: true });
      const path = join(artifactsDir, `${name}.png`);
      await (part ?? page).screenshot({ path });
      return path;
    },
    logs,
    async close() {
      await browser.close();
      await sandbox.stop();
      rmSync(folder, { recursive: true, force: true });
      if (problems.length > 0) throw new Error(`the page threw: ${problems.join("; ")}`);
    },
  };
}
