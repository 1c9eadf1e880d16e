import { type Clickable, optionsOf, textOf } from "./driver-find.ts";
import { initialState } from "./driver-state.ts";
import { isRecord, toSlackMessage, toSlackView } from "./emulator-format.ts";
import type { OpenView, SlackEmulator } from "./slack-emulator.ts";

/** The legacy verification token Slack still puts in every payload; Bolt ignores it. */
export const LEGACY_VERIFICATION_TOKEN = "jxcLegacyVerificationToken";
export const DEFAULT_CHANNEL_ID = "C0JXCGENERAL";

export type ActionTarget = { channel: string; ts: string } | { viewId: string };

/** A message or view the user is looking at, with the payload fields Slack derives from it. */
export interface Surface {
  blocks: unknown[];
  where: string;
  fields: Record<string, unknown>;
}

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

  surface(userId: string, where: ActionTarget): Surface {
    if ("viewId" in where) {
      const open = this.emulator.view(where.viewId);
      if (!open) throw new Error(`No open view ${where.viewId}; open views: ${this.describeOpenViews()}`);
      const blocks = blocksOf(open);
      return {
        blocks,
        where: `view ${where.viewId}`,
        fields: {
          container: { type: "view", view_id: open.id },
          view: toSlackView(open, initialState(blocks)),
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
      state: { values: initialState(blocks) },
      response_url: this.emulator.createResponseUrl(context),
    };
    // Slack leaves the message itself out of payloads from ephemeral messages.
    if (!ephemeral) {
      fields.message = toSlackMessage(stored, this.emulator.botUserId, { includeMetadata: true });
    }
    return { blocks, where: `message ${stored.ts} in ${stored.channel}`, fields };
  }
}

/** One entry of block_actions `actions`, shaped per element type like Slack sends it. */
export function blockAction(clickable: Clickable, actionTs: string): Record<string, unknown> {
  const { element, option, blockId, actionId } = clickable;
  const action: Record<string, unknown> = { action_id: actionId, block_id: blockId, type: element.type };
  if (!option) {
    action.text = structuredClone(element.text);
    if (element.value !== undefined) action.value = element.value;
    if (element.style !== undefined) action.style = element.style;
  } else if (element.type === "multi_static_select" || element.type === "checkboxes") {
    action.selected_options = [structuredClone(option)];
  } else {
    action.selected_option = structuredClone(option);
    if (element.placeholder !== undefined) action.placeholder = structuredClone(element.placeholder);
  }
  action.action_ts = actionTs;
  return action;
}

/** Slack shows at most 100 suggestions and drops malformed ones; fail loudly instead. */
export function checkSuggestionAnswer(status: number, answer: unknown): void {
  if (status !== 200 || !isRecord(answer)) return;
  let options: unknown[] = [];
  if (Array.isArray(answer.options)) options = answer.options;
  else if (Array.isArray(answer.option_groups)) {
    options = answer.option_groups.flatMap((group) => (isRecord(group) ? optionsOf(group) : []));
  }
  if (options.length > 100) {
    throw new Error(`block_suggestion answer has ${options.length} options; Slack shows at most 100`);
  }
  for (const option of options) {
    if (!isRecord(option) || textOf(option.text).length > 75 || String(option.value ?? "").length > 150) {
      throw new Error(`block_suggestion answer has an invalid option ${JSON.stringify(option)}`);
    }
  }
}
