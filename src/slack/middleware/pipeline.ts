import type { AnyMiddlewareArgs, Context, Middleware } from "@slack/bolt";
import type { LocaleResolver } from "../locale.ts";
import type { SlackRouter } from "../router.ts";
import { actingUserId } from "./attach-locale.ts";
import { type EventDedupe, eventIdOf } from "./dedupe-events.ts";

export interface PipelineOptions {
  dedupe: EventDedupe;
  locales: LocaleResolver;
  router: SlackRouter;
}

/**
 * jxc's one global Bolt middleware: drops retried events, skips the app's own events, puts the
 * acting user's language on the context and hands the request to its route. One middleware
 * instead of a chain, because Bolt copies every listener argument for each middleware it calls;
 * Bolt's own ignoreSelf is switched off (src/slack/create-bolt-app.ts) and done here instead.
 */
export function jxcPipeline({ dedupe, locales, router }: PipelineOptions): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const eventId = eventIdOf(args.body);
    if (eventId !== undefined && !dedupe.claim(eventId)) return;
    try {
      if (isOwnEvent(args.body, args.context)) return;
      const userId = actingUserId(args.body);
      args.context.locale = userId ? await locales.localeFor(userId) : "en";
      await router.dispatch(args);
    } catch (error) {
      if (eventId !== undefined) dedupe.release(eventId);
      throw error;
    }
  };
}

// As Bolt's ignoreSelf: events the bot caused itself, except membership changes, which still matter.
function isOwnEvent(body: unknown, context: Context): boolean {
  if (typeof body !== "object" || body === null || !("event" in body)) return false;
  const event = body.event as
    | { type?: unknown; subtype?: unknown; user?: unknown; bot_id?: unknown }
    | undefined;
  if (!event) return false;
  if (event.type === "message" && event.subtype === "bot_message" && event.bot_id === context.botId)
    return true;
  const keep = event.type === "member_joined_channel" || event.type === "member_left_channel";
  return !keep && event.user !== undefined && event.user === context.botUserId;
}
