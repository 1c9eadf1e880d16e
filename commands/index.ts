import type { App } from "@slack/bolt";
import { registerAppHome } from "./app-home.ts";
import type { CommandDeps } from "./deps.ts";
import { registerJxcCommand } from "./jxc/index.ts";

/** Every listener the app has, registered in one place. */
export function registerListeners(app: App, deps: CommandDeps): void {
  registerJxcCommand(app, deps);
  registerAppHome(app, deps);
}
