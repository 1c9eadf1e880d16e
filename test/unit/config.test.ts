import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.ts";

const http = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "8f742231b10e8888abcd99yyyzzz85a5" };

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({ ...http, JXC_TIMEZONE: "Asia/Shanghai" });
    expect(config).toMatchObject({
      slack: { kind: "http", botToken: "xoxb-1-2-abc" },
      databasePath: "./data/jxc.sqlite",
      port: 3000,
      currency: "CNY",
      timeZone: "Asia/Shanghai",
      admins: [],
      slackApiUrl: undefined,
    });
  });

  it("chooses Socket Mode when an app token is set", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1-A1-2" });
    expect(config.slack.kind).toBe("socket");
  });

  it("has no Slack mode without credentials", () => {
    expect(loadConfig({}).slack.kind).toBe("none");
  });

  it("keeps the local sandbox on loopback and in its own database file unless told otherwise", () => {
    expect(loadConfig({})).toMatchObject({
      sandboxHost: "127.0.0.1",
      sandboxDatabasePath: "./data/sandbox.sqlite",
      databasePath: "./data/jxc.sqlite",
    });
    expect(loadConfig({ DATABASE_PATH: "/tmp/x.sqlite", JXC_SANDBOX_HOST: "0.0.0.0" })).toMatchObject({
      sandboxHost: "0.0.0.0",
      sandboxDatabasePath: "/tmp/x.sqlite",
    });
  });

  it("treats an empty value as unset", () => {
    expect(loadConfig({ ...http, PORT: "" }).port).toBe(3000);
  });

  it("splits admins and checks they are Slack user ids", () => {
    expect(loadConfig({ ...http, JXC_ADMINS: "U01ABC, U02DEF" }).admins).toEqual(["U01ABC", "U02DEF"]);
    expect(() => loadConfig({ ...http, JXC_ADMINS: "alice" })).toThrow(
      /^JXC_ADMINS must list Slack user ids/,
    );
  });

  it.each([
    [{ ...http, PORT: "eighty" }, /^PORT must be a whole number/],
    [{ ...http, PORT: "70000" }, /^PORT must be a whole number/],
    [{ ...http, JXC_CURRENCY: "yuan" }, /^JXC_CURRENCY must be a three-letter ISO 4217 code/],
    [{ ...http, JXC_TIMEZONE: "Mars/Olympus" }, /^JXC_TIMEZONE must be an IANA time zone/],
    [{ ...http, SLACK_API_URL: "not a url" }, /^SLACK_API_URL must be an http\(s\) URL/],
    [{ ...http, SLACK_BOT_TOKEN: "xoxp-user" }, /^SLACK_BOT_TOKEN must be a bot token/],
    [{ JXC_SANDBOX_HOST: "http://x/" }, /^JXC_SANDBOX_HOST must be a host name or address/],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, /^SLACK_SIGNING_SECRET is missing/],
    [{ SLACK_SIGNING_SECRET: http.SLACK_SIGNING_SECRET }, /^SLACK_BOT_TOKEN is missing/],
  ])("names the variable and the fix in one line: %o", (env, message) => {
    const attempt = () => loadConfig(env);
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(message);
  });
});
