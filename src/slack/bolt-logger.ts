import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../log.ts";

/** Routes Bolt's and the Web API client's own log lines into our structured logger. */
export function toBoltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ source: "bolt" });
  const join = (parts: unknown[]) => parts.map((p) => (typeof p === "string" ? p : String(p))).join(" ");
  return {
    debug: (...parts: unknown[]) => child.debug(join(parts)),
    info: (...parts: unknown[]) => child.info(join(parts)),
    warn: (...parts: unknown[]) => child.warn(join(parts)),
    error: (...parts: unknown[]) => child.error(join(parts)),
    setLevel: () => {},
    getLevel: () => LogLevel.INFO,
    setName: () => {},
  };
}
