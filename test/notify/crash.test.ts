import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { deliveries } from "../../db/schema.ts";
import { emitEvent } from "../../src/domain/events.ts";
import { SlackEmulator } from "../harness/slack-emulator.ts";
import { crashPlanners, crashTuning } from "./crash-setup.ts";
import { type NotifyHarness, startNotifier } from "./notify-harness.ts";

const tsxLoader = import.meta.resolve("tsx");
const childScript = fileURLToPath(new URL("./crash-child.ts", import.meta.url));

let emulator: SlackEmulator | undefined;
let child: ChildProcess | undefined;
let restarted: NotifyHarness | undefined;
afterEach(async () => {
  child?.kill("SIGKILL");
  await restarted?.stop();
  await emulator?.stop();
});

/** The outbox as the app leaves it: three events, each owing a channel post and a DM. */
function databaseWithEvents(): string {
  const path = join(mkdtempSync(join(tmpdir(), "jxc-crash-")), "jxc.sqlite");
  const db = openDatabase(path);
  for (const n of [1, 2, 3]) {
    emitEvent(
      db,
      { type: "approval.requested", actor: "U0ACTOR", payload: { n, to: ["C0WH", "U0ANN"] } },
      Date.now(),
    );
  }
  db.$client.close();
  return path;
}

/** Starts a notifier process on the file and kills it (SIGKILL) while it waits for Slack's answer. */
async function killMidDelivery(path: string, slack: SlackEmulator): Promise<void> {
  const running = spawn(
    process.execPath,
    ["--import", tsxLoader, childScript, path, slack.apiUrl, slack.botToken],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child = running;
  let output = "";
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  running.stdout?.on("data", collect);
  running.stderr?.on("data", collect);
  await slack
    .waitFor(() => slack.heldCount() === 1, 20_000)
    .catch((error: unknown) => {
      throw new Error(`the notifier process never reached Slack: ${String(error)}\n${output}`);
    });
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill("SIGKILL");
  await exited;
}

describe("killed mid-delivery and restarted on the same database", { timeout: 40_000 }, () => {
  for (const { accept, when } of [
    { accept: true, when: "after Slack accepted the message" },
    { accept: false, when: "before Slack accepted the message" },
  ]) {
    it(`delivers every message exactly once when the crash came ${when}`, async () => {
      emulator = await SlackEmulator.start({ users: [{ id: "U0ANN", name: "ann", locale: "en-US" }] });
      const path = databaseWithEvents();
      emulator.holdNext("chat.postMessage", { accept });
      await killMidDelivery(path, emulator);

      const left = openDatabase(path);
      const inFlight = left
        .select()
        .from(deliveries)
        .all()
        .filter((row) => row.status === "sending");
      left.$client.close();
      expect(inFlight.map((row) => [row.id, row.target])).toEqual([[1, "C0WH"]]);
      expect(emulator.messages()).toHaveLength(accept ? 1 : 0);

      restarted = await startNotifier({
        planners: crashPlanners,
        tuning: crashTuning,
        databasePath: path,
        emulator,
      });
      await restarted.notifier.drain();
      const rows = restarted.rows();
      expect(rows).toHaveLength(6);
      for (const row of rows) {
        expect(row.status).toBe("delivered");
        expect(restarted.messagesOf(row.id)).toEqual([expect.objectContaining({ ts: row.ts })]);
      }
      expect(emulator.messages()).toHaveLength(6);
      expect(emulator.messages("C0WH").map((message) => message.text)).toEqual([
        "note 1",
        "note 2",
        "note 3",
      ]);
      const postsOfFirst = emulator
        .calls("chat.postMessage")
        .filter((call) => JSON.stringify(call.args.metadata).includes('"delivery_id":1}'));
      // Accepted: the held call, found later by its metadata and not sent again. Not accepted: the
      // held call never got past Slack's door (not recorded), and the message was sent after the lookup.
      expect(postsOfFirst).toEqual([expect.objectContaining({ ok: true })]);
      expect(emulator.calls("conversations.history").length).toBeGreaterThanOrEqual(1);
    });
  }
});
