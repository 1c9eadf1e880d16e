import { rolesOf } from "../src/domain/roles.ts";
import { localeOf } from "../src/slack/middleware/attach-locale.ts";
import type { SlackRouter } from "../src/slack/router.ts";
import type { CommandDeps } from "./deps.ts";
import { renderHelp } from "./jxc/help.ts";

/** The App Home tab: what the user can do, in their language, each time they open it. */
export function registerAppHome(router: SlackRouter, deps: CommandDeps): void {
  router.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    const { blocks = [] } = renderHelp(localeOf(context), rolesOf(deps.db, event.user));
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks } });
  });
}
