import { AppLink, type AppResponse, type PostInit } from "../../src/sandbox/wire/app-link.ts";
import { elementsWithBlocks } from "../../src/sandbox/wire/elements.ts";
import {
  type ActionTarget,
  blocksOf,
  DEFAULT_CHANNEL_ID,
  suggestionProblem,
} from "../../src/sandbox/wire/payload-parts.ts";
import { SlackRequests } from "../../src/sandbox/wire/slack-requests.ts";
import { initialState } from "../../src/sandbox/wire/view-state.ts";
import { findClickable } from "./driver-find.ts";
import { type SubmittedValue, submittedState } from "./driver-state.ts";
import type { SlackEmulator } from "./slack-emulator.ts";

export type { AppResponse, PostInit } from "../../src/sandbox/wire/app-link.ts";
export type { ActionTarget } from "../../src/sandbox/wire/payload-parts.ts";
export { LEGACY_VERIFICATION_TOKEN } from "../../src/sandbox/wire/payload-parts.ts";
export { signSlackRequest } from "../../src/sandbox/wire/signing.ts";
export type { SubmittedValue } from "./driver-state.ts";

export interface DriverOptions {
  url: string;
  signingSecret: string;
  emulator: SlackEmulator;
  teamId?: string;
  now?: () => number;
}

/**
 * Sends requests to the app the way Slack does (the shared SlackRequests), and lets tests name
 * what the user clicks or types by label; throws wherever Slack would refuse or never send.
 */
export class SlackDriver {
  private readonly emulator: SlackEmulator;
  private readonly link: AppLink;
  private readonly requests: SlackRequests;

  constructor(options: DriverOptions) {
    this.emulator = options.emulator;
    this.link = new AppLink(options);
    this.requests = new SlackRequests(this.link, this.emulator, options.teamId ?? options.emulator.teamId);
  }

  signedHeaders(rawBody: string, timestamp?: number, secret?: string): Record<string, string> {
    return this.link.signedHeaders(rawBody, timestamp, secret);
  }

  post(rawBody: string, init: PostInit = {}): Promise<AppResponse> {
    return this.link.post(rawBody, init);
  }

  async command(
    userId: string,
    command: string,
    text = "",
    options: { channelId?: string; channelName?: string } = {},
  ): Promise<AppResponse & { responseUrl: string; triggerId: string }> {
    const channelId = options.channelId ?? DEFAULT_CHANNEL_ID;
    if (options.channelName) this.emulator.nameChannel(channelId, options.channelName);
    const sent = await this.requests.command(userId, command, text, channelId);
    if (sent.problem) {
      const what = `${command} ${text}`.trim();
      throw new Error(`Slack would reject the app's immediate reply to ${what}: ${sent.problem}`);
    }
    return { ...sent.response, responseUrl: sent.responseUrl, triggerId: sent.triggerId };
  }

  event(
    event: Record<string, unknown>,
    options: { eventId?: string; retryNum?: number; retryReason?: string } = {},
  ): Promise<AppResponse> {
    return this.requests.event(event, options);
  }

  urlVerification(challenge: string): Promise<AppResponse> {
    return this.requests.urlVerification(challenge);
  }

  async clickButton(
    userId: string,
    where: ActionTarget,
    find: { actionId?: string; label?: string; value?: string },
  ): Promise<AppResponse> {
    const surface = this.requests.parts.surface(userId, where);
    return this.requests.blockActions(userId, surface, findClickable(surface.blocks, find, surface.where));
  }

  async selectOption(
    userId: string,
    where: ActionTarget,
    find: { actionId: string; optionLabel?: string; optionValue?: string },
  ): Promise<AppResponse> {
    const surface = this.requests.parts.surface(userId, where);
    const match = elementsWithBlocks(surface.blocks).find(
      ({ element }) => element.action_id === find.actionId,
    );
    if (!match) throw new Error(`No element with action_id "${find.actionId}" in ${surface.where}`);
    const { element, blockId } = match;
    if (String(element.type).includes("external")) {
      // External menus have no options in the blocks; the test names the one the user picked.
      const value = find.optionValue ?? find.optionLabel ?? "";
      const option = { text: { type: "plain_text", text: find.optionLabel ?? value, emoji: true }, value };
      return this.requests.blockActions(userId, surface, {
        blockId,
        actionId: find.actionId,
        element,
        option,
      });
    }
    const filter = { actionId: find.actionId, label: find.optionLabel, value: find.optionValue };
    const clickable = findClickable(surface.blocks, filter, surface.where);
    if (!clickable.option) {
      throw new Error(`"${find.actionId}" in ${surface.where} is not a menu with options`);
    }
    return this.requests.blockActions(userId, surface, clickable);
  }

  async submitView(
    userId: string,
    viewId: string,
    values: Record<string, SubmittedValue>,
  ): Promise<AppResponse> {
    const open = this.requests.parts.openModal(userId, viewId);
    const stack = this.emulator.openViews().filter((candidate) => candidate.rootViewId === open.rootViewId);
    if (stack.at(-1)?.id !== viewId) {
      throw new Error(`View ${viewId} is covered by a pushed view; only the top view can be submitted`);
    }
    const state = submittedState(blocksOf(open), values, (fileId) => this.emulator.fileObject(fileId));
    const { response, problem } = await this.requests.viewSubmission(userId, open, state);
    if (problem) throw new Error(`Slack would reject the app's answer to view_submission: ${problem}`);
    return response;
  }

  /** Slack only tells the app about a closed modal when it set notify_on_close; otherwise status is 0. */
  async closeView(userId: string, viewId: string): Promise<AppResponse> {
    const open = this.requests.parts.openModal(userId, viewId);
    const response = await this.requests.viewClosed(userId, open, initialState(blocksOf(open)));
    return response ?? { status: 0, text: "", json: undefined, latencyMs: 0 };
  }

  async suggest(
    userId: string,
    viewId: string,
    actionId: string,
    value: string,
    blockId?: string,
  ): Promise<AppResponse> {
    const surface = this.requests.parts.surface(userId, { viewId });
    const match = elementsWithBlocks(surface.blocks).find(({ element }) => element.action_id === actionId);
    if (!match && blockId === undefined) {
      throw new Error(`No element with action_id "${actionId}" in view ${viewId}`);
    }
    const ids = { actionId, blockId: blockId ?? match?.blockId };
    const response = await this.requests.blockSuggestion(userId, surface, ids, value);
    const problem = suggestionProblem(response.status, response.json);
    if (problem) throw new Error(problem);
    return response;
  }
}
