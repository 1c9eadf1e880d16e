import type { KnownBlock } from "@slack/types";
import { can } from "../../src/domain/permissions.ts";
import type { Role } from "../../src/domain/roles.ts";
import type { Locale } from "../../src/i18n/index.ts";
import { messages } from "../../src/i18n/index.ts";
import { context, type EphemeralReply, header, section, sections } from "../../src/slack/blocks.ts";
import { escapeMrkdwn } from "../../src/slack/mrkdwn.ts";
import { helpEntries } from "../catalog.ts";

/** The help card: only the commands this user may use, with an optional first line (a "did you mean"). */
export function renderHelp(locale: Locale, held: ReadonlySet<Role>, lead?: string): EphemeralReply {
  const m = messages(locale);
  const lines = helpEntries
    .filter((entry) => !entry.permission || can(held, entry.permission))
    .map((entry) => `\`${escapeMrkdwn(entry.usage)}\` — ${m.commands[entry.summary]}`);
  const intro = held.size > 0 ? m.help.intro : `${m.help.intro}\n${m.help.noRole}`;
  const blocks: KnownBlock[] = [
    ...(lead ? [section(lead)] : []),
    header(m.help.title),
    section(intro),
    // An admin's help in English passes one section's 3000 characters.
    ...sections(lines),
    context([m.help.footer]),
  ];
  return { text: [lead, m.help.title, ...lines].filter(Boolean).join("\n"), blocks };
}
