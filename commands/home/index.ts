import type { BlockAction, ButtonAction } from "@slack/bolt";
import { buttonAction } from "../../src/slack/block-action.ts";
import { localeOf } from "../../src/slack/middleware/attach-locale.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import type { CommandDeps } from "../deps.ts";
import { actionIds } from "../names.ts";
import { renderHome } from "./render.ts";

/** The App Home tab, drawn for the user and their roles each time they open it or press Refresh. */
export function registerAppHome(router: SlackRouter, deps: CommandDeps): void {
  router.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    const { blocks } = renderHome(deps, event.user, localeOf(context));
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks } });
  });
  router.action<BlockAction<ButtonAction>>(
    actionIds.homeRefresh,
    buttonAction(deps.logger, async (click) => {
      await click.publishHome(renderHome(deps, click.userId, click.locale).blocks);
    }),
  );
}
