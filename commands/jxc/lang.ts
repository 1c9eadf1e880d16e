import { JxcError } from "../../src/domain/errors.ts";
import { setLanguage } from "../../src/domain/user-settings.ts";
import { messages, toLocale } from "../../src/i18n/index.ts";
import type { EphemeralReply } from "../../src/slack/blocks.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";

/** `/jxc lang en|zh`: the user's own language choice, which beats Slack's locale. */
export function changeLanguage(deps: CommandDeps, request: SlashRequest, argument: string): EphemeralReply {
  if (!argument) return { text: messages(request.locale).lang.usage };
  const locale = toLocale(argument);
  if (!locale) throw new JxcError("UNSUPPORTED_LANGUAGE", { input: argument });
  setLanguage(deps.db, deps.clock, request.userId, locale);
  deps.locales.forget(request.userId);
  return { text: messages(locale).lang.changed };
}
