import { createHmac } from "node:crypto";
import { type Clickable, elementsWithBlocks, findClickable } from "./driver-find.ts";
import {
  type ActionTarget,
  blockAction,
  blocksOf,
  checkSuggestionAnswer,
  DEFAULT_CHANNEL_ID,
  LEGACY_VERIFICATION_TOKEN,
  PayloadParts,
  type Surface,
} from "./driver-payloads.ts";
import { initialState, type SubmittedValue, submittedState } from "./driver-state.ts";
import { isRecord, toSlackView } from "./emulator-format.ts";
import type { SlackEmulator } from "./slack-emulator.ts";

export type { ActionTarget } from "./driver-payloads.ts";
export { LEGACY_VERIFICATION_TOKEN } from "./driver-payloads.ts";
export type { SubmittedValue } from "./driver-state.ts";

const SLACK_USER_AGENT = "Slackbot 1.0 (+https://api.slack.com/robots)";
const FORM = "application/x-www-form-urlencoded";

export interface DriverOptions {
  url: string;
  signingSecret: string;
  emulator: SlackEmulator;
  teamId?: string;
  now?: () => number;
}

export interface AppResponse {
  status: number;
  text: string;
  json: unknown;
  latencyMs: number;
}

export interface PostInit {
  contentType?: string;
  timestamp?: number;
  signature?: string;
  secret?: string;
  headers?: Record<string, string>;
}

export function signSlackRequest(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac("sha256", signingSecret).update(`v0:${timestamp}:${rawBody}`).digest("hex")}`;
}

function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** Sends requests to the app the way Slack does: signed, with Slack's encodings and payload shapes. */
export class SlackDriver {
  private readonly url: string;
  private readonly signingSecret: string;
  private readonly emulator: SlackEmulator;
  private readonly teamId: string;
  private readonly now: () => number;
  private readonly parts: PayloadParts;
  private eventCounter = 0;

  constructor(options: DriverOptions) {
    this.url = options.url;
    this.signingSecret = options.signingSecret;
    this.emulator = options.emulator;
    this.teamId = options.teamId ?? options.emulator.teamId;
    this.now = options.now ?? Date.now;
    this.parts = new PayloadParts(this.emulator, this.teamId);
  }

  signedHeaders(rawBody: string, timestamp?: number, secret?: string): Record<string, string> {
    const at = timestamp ?? Math.floor(this.now() / 1000);
    return {
      "X-Slack-Request-Timestamp": String(at),
      "X-Slack-Signature": signSlackRequest(secret ?? this.signingSecret, at, rawBody),
    };
  }

  async post(rawBody: string, init: PostInit = {}): Promise<AppResponse> {
    const headers: Record<string, string> = {
      "Content-Type": init.contentType ?? (rawBody.trimStart().startsWith("{") ? "application/json" : FORM),
      "User-Agent": SLACK_USER_AGENT,
      ...this.signedHeaders(rawBody, init.timestamp, init.secret),
      ...(init.signature === undefined ? {} : { "X-Slack-Signature": init.signature }),
      ...init.headers,
    };
    const started = performance.now();
    const response = await fetch(this.url, { method: "POST", headers, body: rawBody });
    const text = await response.text();
    const latencyMs = performance.now() - started;
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, text, json, latencyMs };
  }

  async command(
    userId: string,
    command: string,
    text = "",
    options: { channelId?: string; channelName?: string } = {},
  ): Promise<AppResponse & { responseUrl: string; triggerId: string }> {
    const channelId = options.channelId ?? DEFAULT_CHANNEL_ID;
    if (options.channelName) this.emulator.nameChannel(channelId, options.channelName);
    const responseUrl = this.emulator.createResponseUrl({ channel: channelId, userId });
    const triggerId = this.emulator.createTriggerId(userId);
    const body = formBody({
      token: LEGACY_VERIFICATION_TOKEN,
      team_id: this.teamId,
      team_domain: this.emulator.teamDomain,
      channel_id: channelId,
      channel_name: this.parts.channelName(channelId),
      user_id: userId,
      user_name: this.parts.userName(userId),
      command,
      text,
      api_app_id: this.emulator.apiAppId,
      is_enterprise_install: "false",
      response_url: responseUrl,
      trigger_id: triggerId,
    });
    const response = await this.post(body, { contentType: FORM });
    this.renderImmediateReply(response, responseUrl, `${command} ${text}`.trim());
    return { ...response, responseUrl, triggerId };
  }

  event(
    event: Record<string, unknown>,
    options: { eventId?: string; retryNum?: number; retryReason?: string } = {},
  ): Promise<AppResponse> {
    this.eventCounter += 1;
    const sequence = String(this.eventCounter).padStart(6, "0");
    const eventTime = Math.floor(this.now() / 1000);
    const envelope = {
      token: LEGACY_VERIFICATION_TOKEN,
      team_id: this.teamId,
      context_team_id: this.teamId,
      context_enterprise_id: null,
      api_app_id: this.emulator.apiAppId,
      event: { event_ts: `${eventTime}.${sequence}`, ...event },
      type: "event_callback",
      event_id: options.eventId ?? `Ev0JXC${sequence}`,
      event_time: eventTime,
      authorizations: [
        {
          enterprise_id: null,
          team_id: this.teamId,
          user_id: this.emulator.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
    };
    const headers: Record<string, string> = {};
    if (options.retryNum !== undefined) headers["X-Slack-Retry-Num"] = String(options.retryNum);
    if (options.retryReason !== undefined) headers["X-Slack-Retry-Reason"] = options.retryReason;
    return this.post(JSON.stringify(envelope), { contentType: "application/json", headers });
  }

  urlVerification(challenge: string): Promise<AppResponse> {
    const body = JSON.stringify({ token: LEGACY_VERIFICATION_TOKEN, challenge, type: "url_verification" });
    return this.post(body, { contentType: "application/json" });
  }

  async clickButton(
    userId: string,
    where: ActionTarget,
    find: { actionId?: string; label?: string; value?: string },
  ): Promise<AppResponse> {
    const surface = this.parts.surface(userId, where);
    return this.sendBlockAction(userId, surface, findClickable(surface.blocks, find, surface.where));
  }

  async selectOption(
    userId: string,
    where: ActionTarget,
    find: { actionId: string; optionLabel?: string; optionValue?: string },
  ): Promise<AppResponse> {
    const surface = this.parts.surface(userId, where);
    const match = elementsWithBlocks(surface.blocks).find(
      ({ element }) => element.action_id === find.actionId,
    );
    if (!match) throw new Error(`No element with action_id "${find.actionId}" in ${surface.where}`);
    const { element, blockId } = match;
    if (String(element.type).includes("external")) {
      // External menus have no options in the blocks; the test names the one the user picked.
      const value = find.optionValue ?? find.optionLabel ?? "";
      const option = { text: { type: "plain_text", text: find.optionLabel ?? value, emoji: true }, value };
      return this.sendBlockAction(userId, surface, {
        blockId,
        actionId: find.actionId,
        element,
        option,
        label: "",
      });
    }
    const filter = { actionId: find.actionId, label: find.optionLabel, value: find.optionValue };
    const clickable = findClickable(surface.blocks, filter, surface.where);
    if (!clickable.option) {
      throw new Error(`"${find.actionId}" in ${surface.where} is not a menu with options`);
    }
    return this.sendBlockAction(userId, surface, clickable);
  }

  async submitView(
    userId: string,
    viewId: string,
    values: Record<string, SubmittedValue>,
  ): Promise<AppResponse> {
    const open = this.parts.openModal(userId, viewId);
    const stack = this.emulator.openViews().filter((candidate) => candidate.rootViewId === open.rootViewId);
    if (stack.at(-1)?.id !== viewId) {
      throw new Error(`View ${viewId} is covered by a pushed view; only the top view can be submitted`);
    }
    const state = submittedState(blocksOf(open), values, (fileId) => this.emulator.fileObject(fileId));
    const response = await this.sendPayload({
      type: "view_submission",
      ...this.parts.common(userId),
      trigger_id: this.emulator.createTriggerId(userId),
      view: toSlackView(open, state),
      response_urls: [],
    });
    const problem = this.emulator.applyViewSubmissionAnswer(viewId, response.status, response.json);
    if (problem) throw new Error(`Slack would reject the app's answer to view_submission: ${problem}`);
    return response;
  }

  /** Slack only tells the app about a closed modal when it set notify_on_close; otherwise status is 0. */
  async closeView(userId: string, viewId: string): Promise<AppResponse> {
    const open = this.parts.openModal(userId, viewId);
    const view = toSlackView(open, initialState(blocksOf(open)));
    const closed = this.emulator.closeViewAsUser(viewId);
    if (open.view.notify_on_close !== true) return { status: 0, text: "", json: undefined, latencyMs: 0 };
    return this.sendPayload({
      type: "view_closed",
      ...this.parts.common(userId),
      view,
      is_cleared: closed?.cleared ?? false,
    });
  }

  async suggest(
    userId: string,
    viewId: string,
    actionId: string,
    value: string,
    blockId?: string,
  ): Promise<AppResponse> {
    const open = this.emulator.view(viewId);
    if (!open) throw new Error(`No open view ${viewId}; open views: ${this.parts.describeOpenViews()}`);
    const blocks = blocksOf(open);
    const match = elementsWithBlocks(blocks).find(({ element }) => element.action_id === actionId);
    if (!match && blockId === undefined) {
      throw new Error(`No element with action_id "${actionId}" in view ${viewId}`);
    }
    const response = await this.sendPayload({
      type: "block_suggestion",
      ...this.parts.common(userId),
      container: { type: "view", view_id: viewId },
      action_id: actionId,
      block_id: blockId ?? match?.blockId,
      value,
      view: toSlackView(open, initialState(blocks)),
    });
    checkSuggestionAnswer(response.status, response.json);
    return response;
  }

  private sendBlockAction(userId: string, surface: Surface, clickable: Clickable): Promise<AppResponse> {
    return this.sendPayload({
      type: "block_actions",
      ...this.parts.common(userId),
      trigger_id: this.emulator.createTriggerId(userId),
      ...surface.fields,
      actions: [blockAction(clickable, (this.now() / 1000).toFixed(6))],
    });
  }

  /** Slack renders a synchronous reply to a slash command like a response_url post. */
  private renderImmediateReply(response: AppResponse, responseUrl: string, what: string): void {
    if (response.status !== 200 || response.text === "") return;
    const reply = isRecord(response.json) ? response.json : { text: response.text };
    if (reply.text === undefined && reply.blocks === undefined) return;
    const problem = this.emulator.applyImmediateResponse(responseUrl, reply);
    if (problem) throw new Error(`Slack would reject the app's immediate reply to ${what}: ${problem}`);
  }

  private sendPayload(payload: Record<string, unknown>): Promise<AppResponse> {
    return this.post(formBody({ payload: JSON.stringify(payload) }), { contentType: FORM });
  }
}
