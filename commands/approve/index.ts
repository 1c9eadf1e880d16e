import { requirePermission } from "../../src/domain/permissions.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { slashCommand } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";
import { slashCommands } from "../names.ts";
import { registerApprovalDecisions } from "./decide.ts";
import { renderPendingList } from "./list.ts";

/** `/approve`: my pending approvals with their buttons, and the cards' Approve / Reject everywhere. */
export function registerApproveCommand(router: SlackRouter, deps: CommandDeps): void {
  router.command(
    slashCommands.approve,
    slashCommand(deps.logger, ({ userId, locale }) => {
      requirePermission(deps.db, userId, "approvals.view");
      return renderPendingList(deps, userId, locale);
    }),
  );
  registerApprovalDecisions(router, deps);
}
