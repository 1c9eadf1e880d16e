import { existsSync } from "node:fs";
import { z } from "zod";

/** The environment contract of the app (DESIGN §6); names are public and stable. */
const envSchema = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(
      /^xoxb-[A-Za-z0-9-]+$/,
      "must be a bot token starting with xoxb- (Slack app → OAuth & Permissions)",
    )
    .optional(),
  SLACK_SIGNING_SECRET: z
    .string()
    .regex(
      /^[0-9a-zA-Z]{16,}$/,
      "must be the signing secret (Slack app → Basic Information → App Credentials)",
    )
    .optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-[A-Za-z0-9-]+$/, "must be an app-level token starting with xapp- (with connections:write)")
    .optional(),
  SLACK_API_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://slack.com/api/" })
    .optional(),
  DATABASE_PATH: z.string().min(1, "must be a file path (or :memory:)").optional(),
  PORT: z.coerce
    .number({ error: "must be a whole number from 1 to 65535" })
    .int("must be a whole number from 1 to 65535")
    .min(1, "must be a whole number from 1 to 65535")
    .max(65535, "must be a whole number from 1 to 65535")
    .default(3000),
  JXC_TIMEZONE: z
    .string()
    .refine(isTimeZone, "must be an IANA time zone such as Asia/Shanghai")
    .default(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
  JXC_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be a three-letter ISO 4217 code such as CNY or USD")
    .refine(isCurrency, "is not a currency this runtime knows (ISO 4217)")
    .default("CNY"),
  JXC_ADMINS: z
    .string()
    .default("")
    .transform((raw) =>
      raw
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, "must list Slack user ids such as U012ABCDEF"))),
  JXC_SANDBOX_HOST: z
    .string()
    .regex(/^[0-9A-Za-z.:-]+$/, "must be a host name or address such as 127.0.0.1 or 0.0.0.0")
    .default("127.0.0.1"),
});

export type SlackMode =
  | { kind: "http"; botToken: string; signingSecret: string }
  | { kind: "socket"; botToken: string; appToken: string; signingSecret: string | undefined }
  | { kind: "none" };

export interface Config {
  slack: SlackMode;
  slackApiUrl: string | undefined;
  databasePath: string;
  /** The local sandbox's database: DATABASE_PATH when set, else its own file, never a real company's. */
  sandboxDatabasePath: string;
  /** Where the local sandbox listens; loopback unless JXC_SANDBOX_HOST says otherwise. */
  sandboxHost: string;
  port: number;
  timeZone: string;
  currency: string;
  admins: string[];
}

/** A configuration problem, reported as one line naming the variable and the fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment once; throws ConfigError with a single actionable line. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = envSchema.safeParse(withoutBlanks(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    throw new ConfigError(`${variable} ${issue?.message ?? "is invalid"}`);
  }
  const e = parsed.data;
  return {
    slack: slackMode(e.SLACK_BOT_TOKEN, e.SLACK_SIGNING_SECRET, e.SLACK_APP_TOKEN),
    slackApiUrl: e.SLACK_API_URL,
    databasePath: e.DATABASE_PATH ?? "./data/jxc.sqlite",
    sandboxDatabasePath: e.DATABASE_PATH ?? "./data/sandbox.sqlite",
    sandboxHost: e.JXC_SANDBOX_HOST,
    port: e.PORT,
    timeZone: e.JXC_TIMEZONE,
    currency: e.JXC_CURRENCY,
    admins: e.JXC_ADMINS,
  };
}

/** Reads `.env` into process.env (real environment wins), when the file exists. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

function slackMode(botToken?: string, signingSecret?: string, appToken?: string): SlackMode {
  if (!botToken) {
    if (appToken || signingSecret) {
      throw new ConfigError("SLACK_BOT_TOKEN is missing: set it to the app's xoxb- bot token");
    }
    return { kind: "none" };
  }
  if (appToken) return { kind: "socket", botToken, appToken, signingSecret };
  if (!signingSecret) {
    throw new ConfigError(
      "SLACK_SIGNING_SECRET is missing: HTTP mode needs it (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  return { kind: "http", botToken, signingSecret };
}

// An empty `FOO=` line in .env means "not set", as with most dotenv tools.
function withoutBlanks(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => !!entry[1]));
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isCurrency(code: string): boolean {
  return Intl.supportedValuesOf("currency").includes(code);
}
