import { readFileSync } from "node:fs";
import { projectPath } from "./project-path.ts";

/** The running version, read once from package.json for /healthz and logs. */
export const version: string = (
  JSON.parse(readFileSync(projectPath("package.json"), "utf8")) as { version: string }
).version;
