import { signSlackRequest } from "../harness/slack-driver.ts";

export const benchSigningSecret = "benchbenchbenchbenchbenchbench00";
export const benchUsers = [
  { id: "U0BENCH01", name: "bench", locale: "en-US" },
  { id: "U0BENCH02", name: "keeper", locale: "en-US" },
];
/** The admin every scenario runs as unless it names another user. */
export const benchAdmin = "U0BENCH01";
/** A warehouse keeper (granted by the scenario that needs one): /stock as the people counting see it. */
export const benchKeeper = "U0BENCH02";

/** A slash command signed as Slack would; valid for the whole run (Slack's window is 5 minutes). */
export function signedCommand(
  command: string,
  text: string,
  userId: string = benchAdmin,
): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: "bench",
    team_id: "T0JXC0001",
    team_domain: "bench",
    channel_id: "C0BENCH01",
    channel_name: "bench",
    user_id: userId,
    user_name: userId,
    command,
    text,
    api_app_id: "A0JXC0001",
    is_enterprise_install: "false",
    response_url: "http://127.0.0.1:9/response/bench",
    trigger_id: "1.2.bench",
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": signSlackRequest(benchSigningSecret, timestamp, body),
    },
  };
}
