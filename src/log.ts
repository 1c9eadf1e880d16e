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
    // Asynchronous, buffered writes: a line waits until 4 KB have gathered (or at most 250 ms), so a
    // busy server makes one write(2), and one thread-pool round trip, per ~20 request lines instead
    // of one per event-loop turn. pino flushes what is left synchronously when the process exits.
    options.destination ?? pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 250 }),
  );
}
