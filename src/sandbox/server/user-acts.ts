import { isRecord } from "../emulator/emulator-format.ts";
import type { SlackEmulator } from "../emulator/slack-emulator.ts";
import type { DeclaredCommand } from "../slash-commands.ts";
import { findElement, optionsOf } from "../wire/elements.ts";
import {
  type ActionTarget,
  blocksOf,
  type ElementAct,
  fieldErrorsOf,
  type Surface,
  suggestionProblem,
} from "../wire/payload-parts.ts";
import type { SlackRequests } from "../wire/slack-requests.ts";
import { enteredState } from "../wire/view-state.ts";

/** How an act went, as the page shows it: done, a problem, or field errors under a modal's inputs. */
export type ActResult =
  | { ok: true }
  | { ok: false; error: string }
  | { ok: false; errors: Record<string, string> };

/** One interaction on an element, as the page reports it; options are checked against the blocks. */
export interface ElementInput {
  target: ActionTarget;
  blockId: string;
  actionId: string;
  option?: { value: string; text?: unknown } | undefined;
  options?: { value: string; text?: unknown }[] | undefined;
  selectedDate?: string | undefined;
  selectedTime?: string | undefined;
  /** What the user has typed or picked on the same surface (Slack's state.values shape). */
  state?: unknown;
}

// What Slack's client says when the app does not answer in time, or answers with an error.
const slackSaysTrouble = "We had some trouble connecting. Try again?";

/**
 * Everything a person can do on the sandbox page, done the way Slack does it: checked against
 * what the workspace really shows them, then sent to the app as Slack's signed request.
 */
export class UserActs {
  constructor(
    private readonly emulator: SlackEmulator,
    private readonly requests: SlackRequests,
    private readonly commands: DeclaredCommand[],
  ) {}

  /** "/stock 螺丝" typed in a channel or the DM: Slack refuses commands the app did not declare. */
  async command(user: string, channel: string, typed: string): Promise<ActResult> {
    const [name = ""] = typed.trim().split(/\s+/);
    const declared = this.commands.find((candidate) => candidate.command === name);
    const plain = typed.trim().slice(name.length).trim();
    const text = declared?.shouldEscape ? escapeChannels(plain, this.emulator.channels()) : plain;
    if (!declared) {
      return fail(
        `${name} is not a valid command. In Slack, all messages that start with the "/" character are interpreted as commands.`,
      );
    }
    const channelProblem = this.channelProblem(user, channel);
    if (channelProblem) return fail(channelProblem);
    const sent = await this.requests.command(user, name, text, channel);
    if (sent.response.status === 404) return fail(`${name} failed with the error "operation_timeout"`);
    if (sent.response.status !== 200) return fail(`${name} failed with the error "dispatch_failed"`);
    if (sent.problem) return fail(`${name}: Slack refused the app's reply (${sent.problem})`);
    return { ok: true };
  }

  /** A plain message from a person; the app subscribes to no message events, so only people see it. */
  postMessage(user: string, channel: string, text: string, threadTs?: string): ActResult {
    const channelProblem = this.channelProblem(user, channel);
    if (channelProblem) return fail(channelProblem);
    if (text.trim() === "") return fail("Type a message first.");
    this.emulator.userPostsMessage(user, channel, text, threadTs);
    return { ok: true };
  }

  /** A click, a pick from a menu, a date: one block_actions request. */
  async act(user: string, input: ElementInput): Promise<ActResult> {
    return this.guard(async () => {
      const { surface, element } = this.surfaceWith(user, input);
      if (!element) return fail("That message or view has changed; nothing was sent.");
      const act: ElementAct = { blockId: input.blockId, actionId: input.actionId, element };
      const option = input.option && pickOption(element, input.option);
      if (option) act.option = option;
      if (input.options)
        act.options = input.options.flatMap((entry) => {
          const picked = pickOption(element, entry);
          return picked ? [picked] : [];
        });
      if (input.selectedDate) act.selectedDate = input.selectedDate;
      if (input.selectedTime) act.selectedTime = input.selectedTime;
      const response = await this.requests.blockActions(user, surface, act);
      return response.status === 200 ? { ok: true } : fail(slackSaysTrouble);
    });
  }

  /** Submit on the top modal: the app may close it, update it, push another, or answer field errors. */
  async submit(user: string, viewId: string, state: unknown): Promise<ActResult> {
    return this.guard(async () => {
      const open = this.requests.parts.openModal(user, viewId);
      if (this.emulator.openViews(user).at(-1)?.id !== viewId)
        return fail("Only the top modal can be submitted.");
      const values = enteredState(blocksOf(open), state, (id) => this.emulator.fileObject(id));
      const { response, problem } = await this.requests.viewSubmission(user, open, values);
      if (response.status !== 200) return fail(slackSaysTrouble);
      if (problem) return fail(`Slack refused the app's answer: ${problem}`);
      const errors = fieldErrorsOf(response.json);
      return errors ? { ok: false, errors } : { ok: true };
    });
  }

  /** Close (or ×) on a modal: back to the one below, and the app hears of it if it asked. */
  async close(user: string, viewId: string, state: unknown): Promise<ActResult> {
    return this.guard(async () => {
      const open = this.requests.parts.openModal(user, viewId);
      const values = enteredState(blocksOf(open), state, (id) => this.emulator.fileObject(id));
      await this.requests.viewClosed(user, open, values);
      return { ok: true };
    });
  }

  /** An external menu's search: the app's options for what the user typed. */
  async suggest(user: string, input: ElementInput & { value: string }): Promise<unknown> {
    const { surface, element } = this.surfaceWith(user, input);
    if (!element) throw new Error("That menu is no longer there.");
    const ids = { actionId: input.actionId, blockId: input.blockId };
    const response = await this.requests.blockSuggestion(user, surface, ids, input.value);
    if (response.status !== 200) return { options: [] };
    const problem = suggestionProblem(response.status, response.json);
    if (problem) throw new Error(problem);
    return response.json;
  }

  /** Opening the app's Home or Messages tab: Slack sends app_home_opened each time. */
  async openAppHome(user: string, tab: "home" | "messages"): Promise<ActResult> {
    const response = await this.requests.event({ type: "app_home_opened", user, channel: `D${user}`, tab });
    return response.status === 200 ? { ok: true } : fail(slackSaysTrouble);
  }

  /** A file picked in a file_input goes to Slack first; the submission then names it. */
  upload(user: string, name: string, bytes: Buffer): { id: string; name: string } {
    const file = this.emulator.userUploadsFile(user, name, bytes);
    return { id: String(file.id), name };
  }

  /** The message or view acted on, with what the user entered there, and the element they used. */
  private surfaceWith(
    user: string,
    input: ElementInput,
  ): { surface: Surface; element: Record<string, unknown> | undefined } {
    const surface = this.requests.parts.surface(user, this.ownTarget(user, input.target), (blocks) =>
      enteredState(blocks, input.state, (id) => this.emulator.fileObject(id)),
    );
    return { surface, element: findElement(surface.blocks, input.blockId, input.actionId) };
  }

  private channelProblem(user: string, channel: string): string | undefined {
    if (channel === `D${user}`) return undefined;
    return this.emulator.channels().some((known) => known.id === channel) ? undefined : "No such channel.";
  }

  /** People act only on their own views; messages are checked by the surface (ephemeral ones too). */
  private ownTarget(user: string, target: ActionTarget): ActionTarget {
    if ("viewId" in target) {
      const owner = this.emulator.view(target.viewId)?.userId;
      if (owner !== undefined && owner !== user) throw new Error("That view belongs to someone else.");
    } else if (this.channelProblem(user, target.channel)) {
      throw new Error("No such channel.");
    }
    return target;
  }

  private async guard(work: () => Promise<ActResult>): Promise<ActResult> {
    try {
      return await work();
    } catch (error) {
      return fail(error instanceof Error ? error.message : String(error));
    }
  }
}

/**
 * What Slack does to a should_escape command's text: a typed `#name` of a channel that exists
 * becomes `<#C…|name>`, so the app receives the id. Unknown names stay plain text.
 */
export function escapeChannels(text: string, channels: readonly { id: string; name: string }[]): string {
  return text.replace(/(^|\s)#([^\s#<>]+)/g, (whole, space: string, name: string) => {
    const channel = channels.find((candidate) => candidate.name === name);
    return channel ? `${space}<#${channel.id}|${channel.name}>` : whole;
  });
}

function fail(error: string): ActResult {
  return { ok: false, error };
}

/** The option as the blocks define it; an external menu's options come from the app, so the page's copy is kept. */
function pickOption(
  element: Record<string, unknown>,
  picked: { value: string; text?: unknown },
): Record<string, unknown> | undefined {
  const defined = optionsOf(element);
  if (defined.length > 0) return defined.find((option) => option.value === picked.value);
  if (!String(element.type).includes("external")) return undefined;
  const text =
    isRecord(picked.text) && typeof picked.text.text === "string" ? picked.text.text : picked.value;
  return { text: { type: "plain_text", text, emoji: true }, value: picked.value };
}
