import { App, type Authorize, type Receiver } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Logger } from "../log.ts";
import { toBoltLogger } from "./bolt-logger.ts";

export type BoltConnection =
  | { kind: "http"; botToken: string; receiver: Receiver }
  | { kind: "socket"; botToken: string; appToken: string };

export interface BoltAppOptions {
  connection: BoltConnection;
  slackApiUrl: string | undefined;
  logger: Logger;
}

/**
 * Builds the Bolt app without any network call at start-up; the same listeners
 * serve HTTP (our Hono receiver) and Socket Mode.
 */
export function createBoltApp({ connection, slackApiUrl, logger }: BoltAppOptions): App {
  const boltLogger = toBoltLogger(logger);
  const clientOptions = slackApiUrl ? { slackApiUrl } : {};
  const common = {
    authorize: lazyBotAuthorization(connection.botToken, clientOptions, boltLogger),
    logger: boltLogger,
    clientOptions,
    convoStore: false as const,
    // Done in jxc's one global middleware instead (src/slack/middleware/pipeline.ts).
    ignoreSelf: false,
    // Rethrow so the receiver answers 500 and logs the failure with its request context.
    extendedErrorHandler: false,
  };
  if (connection.kind === "socket") {
    return new App({ ...common, socketMode: true, appToken: connection.appToken });
  }
  return new App({ ...common, receiver: connection.receiver });
}

/**
 * Bolt's own single-token authorization re-runs auth.test on every request when
 * token verification is off; this asks once, on first use, and remembers.
 */
function lazyBotAuthorization(
  botToken: string,
  clientOptions: { slackApiUrl?: string },
  logger: ReturnType<typeof toBoltLogger>,
): Authorize<boolean> {
  let identity: Promise<{ botId?: string; botUserId?: string; teamId?: string }> | undefined;
  const lookUp = () =>
    new WebClient(botToken, { ...clientOptions, logger }).auth.test().then((r) => ({
      botId: r.bot_id,
      botUserId: r.user_id,
      teamId: r.team_id,
    }));
  return async () => {
    identity ??= lookUp().catch((error: unknown) => {
      identity = undefined;
      throw error;
    });
    return { botToken, ...(await identity) };
  };
}
