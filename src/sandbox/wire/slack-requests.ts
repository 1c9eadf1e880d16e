import { isRecord, toSlackView } from "../emulator/emulator-format.ts";
import type { OpenView } from "../emulator/emulator-types.ts";
import type { SlackEmulator } from "../emulator/slack-emulator.ts";
import { type AppLink, type AppResponse, FORM_CONTENT_TYPE } from "./app-link.ts";
import {
  blockAction,
  DEFAULT_CHANNEL_ID,
  type ElementAct,
  LEGACY_VERIFICATION_TOKEN,
  PayloadParts,
  type Surface,
} from "./payload-parts.ts";
import type { StateValues } from "./view-state.ts";

/** A slash command as sent, with the response_url and trigger_id Slack made for it. */
export interface CommandSent {
  response: AppResponse;
  responseUrl: string;
  triggerId: string;
  /** Why Slack would refuse to show the app's immediate reply, when it would. */
  problem?: string;
}

/** Options Slack puts on an event delivery; retries carry their number and reason. */
export interface EventOptions {
  eventId?: string;
  retryNum?: number;
  retryReason?: string;
}

/**
 * What Slack sends an app when a user acts in the workspace — slash commands, clicks,
 * modal submissions and closes, menu searches, events — built from the emulator's
 * state, signed, posted, and the app's answer applied the way Slack applies it.
 */
export class SlackRequests {
  readonly parts: PayloadParts;
  private eventCounter = 0;

  constructor(
    readonly link: AppLink,
    private readonly emulator: SlackEmulator,
    private readonly teamId: string = emulator.teamId,
  ) {
    this.parts = new PayloadParts(emulator, this.teamId);
  }

  async command(
    userId: string,
    command: string,
    text = "",
    channelId = DEFAULT_CHANNEL_ID,
  ): Promise<CommandSent> {
    const responseUrl = this.emulator.createResponseUrl({ channel: channelId, userId });
    const triggerId = this.emulator.createTriggerId(userId);
    const body = new URLSearchParams({
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
    }).toString();
    const response = await this.link.post(body, { contentType: FORM_CONTENT_TYPE });
    const problem = this.showImmediateReply(response, responseUrl);
    return { response, responseUrl, triggerId, ...(problem ? { problem } : {}) };
  }

  event(event: Record<string, unknown>, options: EventOptions = {}): Promise<AppResponse> {
    this.eventCounter += 1;
    const sequence = String(this.eventCounter).padStart(6, "0");
    const eventTime = this.link.nowSeconds();
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
    return this.link.post(JSON.stringify(envelope), { contentType: "application/json", headers });
  }

  urlVerification(challenge: string): Promise<AppResponse> {
    const body = JSON.stringify({ token: LEGACY_VERIFICATION_TOKEN, challenge, type: "url_verification" });
    return this.link.post(body, { contentType: "application/json" });
  }

  blockActions(userId: string, surface: Surface, act: ElementAct): Promise<AppResponse> {
    return this.sendPayload({
      type: "block_actions",
      ...this.parts.common(userId),
      trigger_id: this.emulator.createTriggerId(userId),
      ...surface.fields,
      actions: [blockAction(act, this.link.actionTs())],
    });
  }

  /** Submits the top view of a stack; `problem` says why Slack would refuse the app's answer. */
  async viewSubmission(
    userId: string,
    open: OpenView,
    state: StateValues,
  ): Promise<{ response: AppResponse; problem?: string }> {
    const response = await this.sendPayload({
      type: "view_submission",
      ...this.parts.common(userId),
      trigger_id: this.emulator.createTriggerId(userId),
      view: toSlackView(open, state),
      response_urls: [],
    });
    const problem = this.emulator.applyViewSubmissionAnswer(open.id, response.status, response.json);
    return problem ? { response, problem } : { response };
  }

  /** The user closed a modal; Slack tells the app only when the view asked (notify_on_close). */
  async viewClosed(userId: string, open: OpenView, state: StateValues): Promise<AppResponse | undefined> {
    const view = toSlackView(open, state);
    const closed = this.emulator.closeViewAsUser(open.id);
    if (open.view.notify_on_close !== true) return undefined;
    return this.sendPayload({
      type: "view_closed",
      ...this.parts.common(userId),
      view,
      is_cleared: closed?.cleared ?? false,
    });
  }

  /** An external menu asks the app for options matching what the user typed. */
  blockSuggestion(
    userId: string,
    surface: Surface,
    ids: { actionId: string; blockId: string | undefined },
    value: string,
  ): Promise<AppResponse> {
    const { response_url: _notForSuggestions, ...fields } = surface.fields;
    return this.sendPayload({
      type: "block_suggestion",
      ...this.parts.common(userId),
      ...fields,
      action_id: ids.actionId,
      block_id: ids.blockId,
      value,
    });
  }

  /** Slack renders a synchronous reply to a slash command like a response_url post. */
  private showImmediateReply(response: AppResponse, responseUrl: string): string | undefined {
    if (response.status !== 200 || response.text === "") return undefined;
    const reply = isRecord(response.json) ? response.json : { text: response.text };
    if (reply.text === undefined && reply.blocks === undefined) return undefined;
    return this.emulator.applyImmediateResponse(responseUrl, reply);
  }

  private sendPayload(payload: Record<string, unknown>): Promise<AppResponse> {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.link.post(body, { contentType: FORM_CONTENT_TYPE });
  }
}
