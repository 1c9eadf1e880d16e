import { isRecord, toSlackMessage, toSlackView } from "../emulator/emulator-format.ts";
import type { OpenView } from "../emulator/emulator-types.ts";
import type { SlackEmulator } from "../emulator/slack-emulator.ts";
import { optionsOf, textOf } from "./elements.ts";
import { initialState, type StateValues } from "./view-state.ts";

/** The legacy verification token Slack still puts in every payload; Bolt ignores it. */
export const LEGACY_VERIFICATION_TOKEN = "jxcLegacyVerificationToken";
/** The channel requests come from when nobody says otherwise (#general). */
export const DEFAULT_CHANNEL_ID = "C0JXCGENERAL";

/** Where the user acted: a message in a channel, or a view (modal or Home tab). */
export type ActionTarget = { channel: string; ts: string } | { viewId: string };

/** A message or view the user is looking at, with the payload fields Slack derives from it. */
export interface Surface {
  blocks: unknown[];
  where: string;
  fields: Record<string, unknown>;
}

/** The blocks of an open view. */
export function blocksOf(open: OpenView): unknown[] {
  return Array.isArray(open.view.blocks) ? open.view.blocks : [];
}

/** Builds the parts of interaction payloads that come from the emulated workspace. */
export class PayloadParts {
  constructor(
    private readonly emulator: SlackEmulator,
    private readonly teamId: string,
  ) {}

  common(userId: string): Record<string, unknown> {
    return {
      team: { id: this.teamId, domain: this.emulator.teamDomain },
      user: this.user(userId),
      api_app_id: this.emulator.apiAppId,
      token: LEGACY_VERIFICATION_TOKEN,
      is_enterprise_install: false,
      enterprise: null,
    };
  }

  userName(userId: string): string {
    return this.emulator.user(userId)?.name ?? userId.toLowerCase();
  }

  user(userId: string): Record<string, string> {
    const name = this.userName(userId);
    return { id: userId, username: name, name, team_id: this.teamId };
  }

  channelName(channelId: string): string {
    if (channelId.startsWith("D")) return "directmessage";
    const known = this.emulator.channelName(channelId);
    if (known) return known;
    return channelId === DEFAULT_CHANNEL_ID ? "general" : channelId.toLowerCase();
  }

  describeOpenViews(): string {
    const views = this.emulator
      .openViews()
      .map((open) => `${open.id} (${textOf(open.view.title) || "untitled"})`);
    return views.join(", ") || "none";
  }

  openModal(userId: string, viewId: string): OpenView {
    const open = this.emulator.view(viewId);
    if (open?.view.type !== "modal") {
      throw new Error(`No open modal ${viewId}; open views: ${this.describeOpenViews()}`);
    }
    if (open.userId && open.userId !== userId) {
      throw new Error(`Modal ${viewId} belongs to ${open.userId}, not ${userId}`);
    }
    return open;
  }

  /** The surface as Slack reports it; `state` is what the user has typed or picked so far. */
  surface(userId: string, where: ActionTarget, state?: (blocks: unknown[]) => StateValues): Surface {
    const stateOf = state ?? initialState;
    if ("viewId" in where) {
      const open = this.emulator.view(where.viewId);
      if (!open) throw new Error(`No open view ${where.viewId}; open views: ${this.describeOpenViews()}`);
      const blocks = blocksOf(open);
      return {
        blocks,
        where: `view ${where.viewId}`,
        fields: {
          container: { type: "view", view_id: open.id },
          view: toSlackView(open, stateOf(blocks)),
        },
      };
    }
    const stored = this.emulator.messages(where.channel).find((message) => message.ts === where.ts);
    if (!stored) {
      throw new Error(`No message ${where.ts} in ${where.channel} (the app never posted it, or deleted it)`);
    }
    if (stored.ephemeral && stored.visibleTo && stored.visibleTo !== userId) {
      throw new Error(
        `Message ${where.ts} is ephemeral and only visible to ${stored.visibleTo}, not ${userId}`,
      );
    }
    const blocks = stored.blocks ?? [];
    const ephemeral = stored.ephemeral === true;
    const context = { channel: stored.channel, userId, messageTs: stored.ts };
    const fields: Record<string, unknown> = {
      container: {
        type: "message",
        message_ts: stored.ts,
        channel_id: stored.channel,
        is_ephemeral: ephemeral,
      },
      channel: { id: stored.channel, name: this.channelName(stored.channel) },
      state: { values: stateOf(blocks) },
      response_url: this.emulator.createResponseUrl(context),
    };
    // Slack leaves the message itself out of payloads from ephemeral messages.
    if (!ephemeral) {
      fields.message = toSlackMessage(stored, this.emulator.botUserId, { includeMetadata: true });
    }
    return { blocks, where: `message ${stored.ts} in ${stored.channel}`, fields };
  }
}

/** What a user did to one element: clicked it, picked one or more options, or a date or time. */
export interface ElementAct {
  blockId: string;
  actionId: string;
  element: Record<string, unknown>;
  /** The option picked in an overflow, select or radio group (for checkboxes: the one toggled). */
  option?: Record<string, unknown>;
  /** Every option selected now, for checkboxes and multi selects. */
  options?: Record<string, unknown>[];
  selectedDate?: string;
  selectedTime?: string;
}

const MULTI_OPTION_ELEMENTS = new Set(["multi_static_select", "multi_external_select", "checkboxes"]);

/** One entry of block_actions `actions`, shaped per element type like Slack sends it. */
export function blockAction(act: ElementAct, actionTs: string): Record<string, unknown> {
  const { element, option, blockId, actionId } = act;
  const type = String(element.type);
  const action: Record<string, unknown> = { action_id: actionId, block_id: blockId, type };
  if (type === "datepicker" || type === "timepicker") {
    const [key, picked, initialKey] =
      type === "datepicker"
        ? ["selected_date", act.selectedDate, "initial_date"]
        : ["selected_time", act.selectedTime, "initial_time"];
    action[key] = picked ?? null;
    if (element[initialKey] !== undefined) action[initialKey] = element[initialKey];
  } else if (MULTI_OPTION_ELEMENTS.has(type)) {
    action.selected_options = structuredClone(act.options ?? (option ? [option] : []));
  } else if (option) {
    action.selected_option = structuredClone(option);
    if (element.placeholder !== undefined) action.placeholder = structuredClone(element.placeholder);
  } else {
    action.text = structuredClone(element.text);
    if (element.value !== undefined) action.value = element.value;
    if (element.style !== undefined) action.style = element.style;
  }
  action.action_ts = actionTs;
  return action;
}

/** Whether a view_submission answer asked Slack to show errors under inputs. */
export function fieldErrorsOf(answer: unknown): Record<string, string> | undefined {
  if (!isRecord(answer) || answer.response_action !== "errors" || !isRecord(answer.errors)) return undefined;
  return Object.fromEntries(Object.entries(answer.errors).map(([blockId, text]) => [blockId, String(text)]));
}

/** Why Slack would not show the options an app answered a block_suggestion with (it shows at most 100). */
export function suggestionProblem(status: number, answer: unknown): string | undefined {
  if (status !== 200 || !isRecord(answer)) return undefined;
  let options: unknown[] = [];
  if (Array.isArray(answer.options)) options = answer.options;
  else if (Array.isArray(answer.option_groups)) {
    options = answer.option_groups.flatMap((group) => (isRecord(group) ? optionsOf(group) : []));
  }
  if (options.length > 100)
    return `block_suggestion answer has ${options.length} options; Slack shows at most 100`;
  const invalid = options.find(
    (option) =>
      !isRecord(option) || textOf(option.text).length > 75 || String(option.value ?? "").length > 150,
  );
  return invalid === undefined
    ? undefined
    : `block_suggestion answer has an invalid option ${JSON.stringify(invalid)}`;
}
