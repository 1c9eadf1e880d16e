import type {
  BlockAction,
  ButtonAction,
  Middleware,
  RespondFn,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import type { Locale } from "../i18n/index.ts";
import type { Logger } from "../log.ts";
import { toEphemeral } from "./blocks.ts";
import { localeOf } from "./middleware/attach-locale.ts";
import { errorText } from "./slash-command.ts";

/** What a button handler sees: who clicked, what the button carried, and how to answer. */
export interface ButtonClick {
  userId: string;
  actionId: string;
  value: string;
  locale: Locale;
  requestId: string;
  channelId: string | undefined;
  /** Where the clicked message lives (a DM card, a channel post); absent for ephemeral ones. */
  messageTs: string | undefined;
  /** The response URL of the clicked message (updates even an ephemeral one, 5 uses in 30 min). */
  responseUrl: string;
  respond: RespondFn;
  /** Clicked on the user's App Home tab (no response URL there: republish it instead). */
  onHome: boolean;
  /** Republishes the clicker's Home tab. */
  publishHome(blocks: KnownBlock[]): Promise<void>;
  /** Opens a modal on the click's trigger (single use, valid for 3 s). */
  openModal(view: ModalView): Promise<void>;
}

export type ButtonHandler = (click: ButtonClick) => Promise<void>;

/**
 * Adapts a button handler to Bolt: ack first (Slack's 3 s), then the work; any
 * error becomes an ephemeral line in the clicker's language, never silence.
 */
export function buttonAction(
  logger: Logger,
  handler: ButtonHandler,
): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, context, respond, client }) => {
    await ack();
    // Let the ack's bytes leave before the work: its continuation would otherwise run first.
    await new Promise((resolve) => setImmediate(resolve));
    const click: ButtonClick = {
      userId: body.user.id,
      actionId: action.action_id,
      value: action.value ?? "",
      locale: localeOf(context),
      requestId: typeof context.requestId === "string" ? context.requestId : "",
      channelId: body.channel?.id,
      messageTs:
        body.container.type === "message" && !body.container.is_ephemeral ? body.message?.ts : undefined,
      responseUrl: body.response_url ?? "",
      onHome: body.view?.type === "home",
      publishHome: async (blocks) => {
        await client.views.publish({ user_id: body.user.id, view: { type: "home", blocks } });
      },
      respond,
      openModal: async (view) => {
        await client.views.open({ trigger_id: body.trigger_id, view });
      },
    };
    try {
      await handler(click);
    } catch (error) {
      const text = errorText(error, click, logger, action.action_id);
      await respond({ ...toEphemeral({ text }), replace_original: false });
    }
  };
}
