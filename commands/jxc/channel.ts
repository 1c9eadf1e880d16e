import { JxcError } from "../../src/domain/errors.ts";
import {
  type Department,
  departments,
  isDepartment,
  listDepartmentChannels,
  setDepartmentChannel,
} from "../../src/domain/routing/departments.ts";
import { type Locale, locales, messages } from "../../src/i18n/index.ts";
import { type EphemeralReply, header, section } from "../../src/slack/blocks.ts";
import { parseChannelMention } from "../../src/slack/mentions.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";

/** `/jxc channel`: where each department's notices go. */
export function showDepartmentChannels(deps: CommandDeps, request: SlashRequest): EphemeralReply {
  const m = messages(request.locale);
  const lines = listDepartmentChannels(deps.db).map(({ department, channelId }) =>
    m.channels.line({
      department: m.departmentNames[department],
      code: department,
      channel: channelId ? `<#${channelId}>` : m.channels.notSet,
    }),
  );
  return {
    text: [m.channels.title, ...lines].join("\n"),
    blocks: [header(m.channels.title), section(lines.join("\n")), section(m.channels.usage)],
  };
}

/** `/jxc channel <department> #channel`: admins point a department at a channel, then learn whether jxc can post there. */
export async function setChannel(
  deps: CommandDeps,
  request: SlashRequest,
  argument: string,
): Promise<EphemeralReply> {
  const m = messages(request.locale);
  const [departmentWord = "", channelWord = ""] = argument.split(/\s+/).filter(Boolean);
  const department = parseDepartment(departmentWord);
  const channelId = parseChannelMention(channelWord);
  if (!channelId) throw new JxcError("CHANNEL_MENTION_NEEDED", channelWord ? { input: channelWord } : {});
  const { changed } = setDepartmentChannel(deps.db, deps.clock, {
    actor: request.userId,
    department,
    channelId,
  });
  const names = { department: m.departmentNames[department], channel: channelId };
  const lines = [changed ? m.channels.set(names) : m.channels.unchanged(names)];
  const membership = await request.botMembership(channelId);
  if (membership === "not_member") lines.push(m.channels.invite(names));
  if (membership === "unknown") lines.push(m.channels.uncheckable(names));
  return { text: lines.join("\n") };
}

/** A department as its code or its name in either language (`warehouse`, `Warehouse`, 仓库, 仓库部). */
export function parseDepartment(input: string): Department {
  const wanted = input
    .trim()
    .toLowerCase()
    .replace(/部门?$/, "");
  if (isDepartment(wanted)) return wanted;
  for (const locale of locales as readonly Locale[]) {
    const names = messages(locale).departmentNames;
    const found = departments.find((d) => names[d].toLowerCase() === wanted);
    if (found) return found;
  }
  throw new JxcError("UNKNOWN_DEPARTMENT", { input: input || "—" });
}
