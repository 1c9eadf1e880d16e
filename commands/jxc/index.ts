import { type Permission, requirePermission } from "../../src/domain/permissions.ts";
import { rolesOf } from "../../src/domain/roles.ts";
import { messages } from "../../src/i18n/index.ts";
import type { EphemeralReply } from "../../src/slack/blocks.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { type DeferredReply, type SlashRequest, slashCommand } from "../../src/slack/slash-command.ts";
import { closestMatch } from "../../src/text/closest-match.ts";
import type { CommandDeps } from "../deps.ts";
import { slashCommands } from "../names.ts";
import { renderPolicies } from "../policy/show.ts";
import { slotting } from "../slotting/index.ts";
import { purchasingBudget } from "./budget.ts";
import { setChannel, showDepartmentChannels } from "./channel.ts";
import { checkStock } from "./check.ts";
import { delegate } from "./delegate.ts";
import { renderHelp } from "./help.ts";
import { openImport } from "./import.ts";
import { changeLanguage } from "./lang.ts";
import { changesLowStockSetting, lowStock } from "./lowstock.ts";
import { showOutbox } from "./outbox.ts";
import { changeRole, showRoles } from "./roles.ts";
import { editRoute, showRoutes } from "./route.ts";

interface Subcommand {
  /** Checked here, on the server, before the subcommand runs; absent = anyone. */
  permission?: Permission | ((argument: string) => Permission);
  run(
    deps: CommandDeps,
    request: SlashRequest,
    argument: string,
  ): EphemeralReply | DeferredReply | undefined | Promise<EphemeralReply | DeferredReply | undefined>;
}

const subcommands: Record<string, Subcommand> = {
  help: { run: (deps, request) => renderHelp(request.locale, rolesOf(deps.db, request.userId)) },
  lang: { run: changeLanguage },
  roles: { permission: "roles.view", run: showRoles },
  role: { permission: "roles.manage", run: changeRole },
  check: { permission: "stock.check", run: checkStock },
  import: { permission: "catalogue.import", run: openImport },
  delegate: { permission: "approvals.view", run: delegate },
  policy: { permission: "approvals.policy", run: (deps, request) => renderPolicies(deps, request.locale) },
  // Looking is open to every role; changing is for admins, so the permission depends on the words.
  channel: {
    permission: (argument) => (argument ? "channels.manage" : "channels.view"),
    run: (deps, request, argument) =>
      argument ? setChannel(deps, request, argument) : showDepartmentChannels(deps, request),
  },
  route: {
    permission: (argument) => (wordCount(argument) > 1 ? "routing.manage" : "routing.view"),
    run: (deps, request, argument) =>
      wordCount(argument) > 1 ? editRoute(deps, request, argument) : showRoutes(deps, request, argument),
  },
  outbox: { permission: "outbox.manage", run: showOutbox },
  // Spend against budget is for those who set it; purchasing sees it on every PO approval card.
  budget: { permission: "budget.manage", run: purchasingBudget },
  lowstock: {
    permission: (argument) => (changesLowStockSetting(argument) ? "lowstock.manage" : "lowstock.view"),
    run: lowStock,
  },
  slotting: { permission: "stock.slotting", run: slotting },
};

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** `/jxc <subcommand>`: help, settings and administration. */
export function registerJxcCommand(router: SlackRouter, deps: CommandDeps): void {
  router.command(
    slashCommands.jxc,
    slashCommand(deps.logger, (request) => {
      const [name = "help", ...rest] = request.text.split(/\s+/).filter(Boolean);
      const subcommand = subcommands[name.toLowerCase()];
      if (!subcommand) return unknownSubcommand(deps, request, name);
      const argument = rest.join(" ");
      const { permission } = subcommand;
      if (permission) {
        const needed = typeof permission === "function" ? permission(argument) : permission;
        requirePermission(deps.db, request.userId, needed);
      }
      return subcommand.run(deps, request, argument);
    }),
  );
}

function unknownSubcommand(deps: CommandDeps, request: SlashRequest, name: string): EphemeralReply {
  const suggestion = closestMatch(name, Object.keys(subcommands));
  const m = messages(request.locale).help;
  const lead = suggestion
    ? m.didYouMean({ input: name, suggestion: `/jxc ${suggestion}` })
    : m.unknown({ input: name });
  return renderHelp(request.locale, rolesOf(deps.db, request.userId), lead);
}
