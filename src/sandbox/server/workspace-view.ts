import type { Db } from "../../../db/client.ts";
import { rolesOf } from "../../domain/roles.ts";
import { getUserLanguage } from "../../domain/user-settings.ts";
import { messages, toLocale } from "../../i18n/index.ts";
import type { StoredMessage } from "../emulator/emulator-types.ts";
import type { SlackEmulator } from "../emulator/slack-emulator.ts";
import type { DeclaredCommand } from "../slash-commands.ts";

/** A person as the page's "you are" switch shows them: role and language in their own language. */
export interface PagePerson {
  id: string;
  name: string;
  isBot: boolean;
  roles: string[];
  language: string;
}

/** Everything one user sees of the workspace; the page renders only this. */
export interface WorkspaceView {
  me: string;
  botUserId: string;
  people: PagePerson[];
  channels: { id: string; name: string }[];
  commands: DeclaredCommand[];
  /** Messages in channels and in this user's DM with the app, ephemeral ones only when addressed to them. */
  messages: StoredMessage[];
  /** The user's open modal stack, bottom first; the page shows the top one. */
  modals: { id: string; view: Record<string, unknown> }[];
  /** The app's Home tab as it last published it for this user. */
  home: { id: string; view: Record<string, unknown> } | undefined;
}

/** What the sandbox server needs to describe the workspace to a user. */
export interface WorkspaceSources {
  db: Db;
  emulator: SlackEmulator;
  commands: DeclaredCommand[];
}

/** Builds the view of the workspace for one user from the emulator and, for roles and language, the domain. */
export function workspaceViewFor(sources: WorkspaceSources, me: string): WorkspaceView {
  const { db, emulator } = sources;
  const people = emulator.users().map((user) => {
    const locale = getUserLanguage(db, user.id).override ?? toLocale(user.locale) ?? "en";
    const names = messages(locale).roleNames;
    return {
      id: user.id,
      name: user.name,
      isBot: user.isBot === true,
      roles: user.isBot ? [] : [...rolesOf(db, user.id)].map((role) => names[role]),
      language: locale === "zh-CN" ? "中文" : "English",
    };
  });
  const dm = `D${me}`;
  return {
    me,
    botUserId: emulator.botUserId,
    people,
    channels: emulator.channels(),
    commands: sources.commands,
    messages: emulator.messages().filter((message) => isVisibleTo(message, me, dm)),
    modals: emulator
      .openViews(me)
      .filter((open) => open.view.type === "modal")
      .map((open) => ({ id: open.id, view: open.view })),
    home: homeOf(emulator, me),
  };
}

function isVisibleTo(message: StoredMessage, me: string, dm: string): boolean {
  if (message.channel.startsWith("D") && message.channel !== dm) return false;
  return !message.ephemeral || message.visibleTo === me;
}

function homeOf(emulator: SlackEmulator, me: string): WorkspaceView["home"] {
  const id = emulator.homeViewId(me);
  const view = emulator.homeView(me);
  return id && view ? { id, view } : undefined;
}
