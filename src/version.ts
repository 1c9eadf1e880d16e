import { readFileSync } from "node:fs";

/** The running version, read once from package.json for /healthz and logs. */
export const version: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
