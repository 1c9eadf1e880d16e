import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { createJxc, type Jxc } from "../../src/app.ts";
import { systemClock } from "../../src/domain/clock.ts";
import { createLogger } from "../../src/log.ts";
import { SlackEmulator } from "../harness/slack-emulator.ts";
import { SocketModeServer } from "../harness/socket-mode-server.ts";

const appToken = "xapp-1-A0JXC0001-1-test";

describe("Socket Mode", () => {
  let emulator: SlackEmulator;
  let socket: SocketModeServer;
  let jxc: Jxc;

  beforeEach(async () => {
    emulator = await SlackEmulator.start({ users: [{ id: "U0WANG", name: "wang", locale: "zh-CN" }] });
    socket = await SocketModeServer.start();
    emulator.acceptSocketMode(appToken, socket.url);
    jxc = createJxc({
      slack: { kind: "socket", botToken: emulator.botToken, appToken, signingSecret: undefined },
      slackApiUrl: emulator.apiUrl,
      db: openDatabase(":memory:"),
      clock: systemClock,
      logger: createLogger({ level: "silent" }),
      company: { currency: "CNY", timeZone: "Asia/Shanghai" },
      admins: [],
    });
    await jxc.bolt.start();
  });
  afterEach(async () => {
    await jxc.bolt.stop();
    await socket.stop();
    await emulator.stop();
  });

  it("runs the same listeners over a WebSocket, with no HTTP endpoint for Slack", async () => {
    expect(emulator.calls("apps.connections.open")).toHaveLength(1);
    const ack = await socket.deliver("slash_commands", {
      token: "legacy",
      team_id: "T0JXC0001",
      channel_id: "C0GENERAL",
      user_id: "U0WANG",
      user_name: "wang",
      command: "/jxc",
      text: "help",
      response_url: emulator.createResponseUrl({ channel: "C0GENERAL", userId: "U0WANG" }),
      trigger_id: emulator.createTriggerId("U0WANG"),
    });
    expect(JSON.stringify(ack.payload)).toContain("jxc — 进销存");
    const slackRoute = await jxc.http.request("/slack/events", { method: "POST", body: "{}" });
    expect(slackRoute.status).toBe(404);
  });

  it("has an event's effect through the socket too", async () => {
    await socket.deliver("events_api", {
      type: "event_callback",
      team_id: "T0JXC0001",
      api_app_id: "A0JXC0001",
      event_id: "Ev0SOCKET1",
      event: { type: "app_home_opened", user: "U0WANG", channel: "D0WANG", tab: "home", event_ts: "1.1" },
      authorizations: [{ team_id: "T0JXC0001", user_id: emulator.botUserId, is_bot: true }],
    });
    const home = await emulator.waitFor(() => emulator.homeView("U0WANG"));
    expect(JSON.stringify(home)).toContain("jxc — 进销存");
  });
});
