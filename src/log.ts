import { pino } from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs; anything that looks like a credential is censored before it is written. */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: { app: "jxc" },
      redact: {
        paths: [
          "token",
          "*.token",
          "botToken",
          "appToken",
          "signingSecret",
          "*.signingSecret",
          "headers.authorization",
          'headers["x-slack-signature"]',
          "signature",
        ],
        censor: "[redacted]",
      },
    },
    // Asynchronous, coalesced writes: one write(2) per burst instead of one per request line.
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
