// The yardstick: a bare Bolt app on Bolt's own HTTPReceiver whose listener only acks.
import bolt from "@slack/bolt";
import { benchSigningSecret } from "../signed-request.ts";

const receiver = new bolt.HTTPReceiver({ signingSecret: benchSigningSecret, logLevel: bolt.LogLevel.ERROR });
const app = new bolt.App({
  receiver,
  token: "xoxb-bench",
  botId: "B0BENCH",
  botUserId: "U0BENCH",
  tokenVerificationEnabled: false,
  logLevel: bolt.LogLevel.ERROR,
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
const server = (await app.start(Number(process.env.PORT ?? 0))) as import("node:http").Server;
const address = server.address();
process.send?.({ ready: typeof address === "object" && address ? address.port : 0 });
