import { JxcError } from "../../src/domain/errors.ts";
import {
  grantRole,
  isRole,
  listRoleAssignments,
  type Role,
  revokeRole,
  roles,
} from "../../src/domain/roles.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { type EphemeralReply, header, section } from "../../src/slack/blocks.ts";
import { parseUserMention } from "../../src/slack/mentions.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";

/** `/jxc roles`: everyone's roles, grouped by role. */
export function showRoles(deps: CommandDeps, request: SlashRequest): EphemeralReply {
  const m = messages(request.locale);
  const byRole = new Map<Role, string[]>();
  for (const { userId, role } of listRoleAssignments(deps.db)) {
    byRole.set(role, [...(byRole.get(role) ?? []), `<@${userId}>`]);
  }
  const lines = roles.map(
    (role) => `*${m.roleNames[role]}* \`${role}\` — ${byRole.get(role)?.join(", ") ?? m.roles.nobody}`,
  );
  return {
    text: [m.roles.title, ...lines].join("\n"),
    blocks: [header(m.roles.title), section(lines.join("\n"))],
  };
}

/** `/jxc role @user add|remove <role>`: admins give and take roles. */
export function changeRole(deps: CommandDeps, request: SlashRequest, argument: string): EphemeralReply {
  const m = messages(request.locale);
  const [who = "", verb = "", ...roleWords] = argument.split(/\s+/).filter(Boolean);
  const userId = parseUserMention(who);
  if (!userId) throw new JxcError("UNKNOWN_USER", { input: who || "—" });
  const role = parseRole(roleWords.join(" "));
  const change = { actor: request.userId, userId, role };
  if (verb === "add") {
    const { changed } = grantRole(deps.db, deps.clock, change);
    return {
      text: changed
        ? m.roles.granted({ user: userId, role: m.roleNames[role] })
        : m.roles.alreadyHas({ user: userId, role: m.roleNames[role] }),
    };
  }
  if (verb === "remove") {
    const { changed } = revokeRole(deps.db, deps.clock, change);
    return {
      text: changed
        ? m.roles.revoked({ user: userId, role: m.roleNames[role] })
        : m.roles.didNotHave({ user: userId, role: m.roleNames[role] }),
    };
  }
  return { text: m.roles.usage };
}

/** A role typed as its code (`purchasing_manager`) or its name in either language (采购经理). */
export function parseRole(input: string): Role {
  const wanted = input
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (isRole(wanted)) return wanted;
  for (const locale of ["en", "zh-CN"] as Locale[]) {
    const names = messages(locale).roleNames;
    const found = roles.find((role) => names[role].toLowerCase().replace(/\s+/g, "_") === wanted);
    if (found) return found;
  }
  throw new JxcError("UNKNOWN_ROLE", { input: input || "—", known: roles.join(", ") });
}
