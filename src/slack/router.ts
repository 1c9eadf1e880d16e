import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  BlockAction,
  Middleware,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackViewAction,
  SlackViewMiddlewareArgs,
} from "@slack/bolt";

type Listener<Args> = (args: Args & AllMiddlewareArgs) => Promise<void>;
type CommandListener = Listener<SlackCommandMiddlewareArgs>;
type ActionListener = Listener<SlackActionMiddlewareArgs<BlockAction>>;
type ViewListener = Listener<SlackViewMiddlewareArgs<SlackViewAction>>;
type OptionsListener = Listener<SlackOptionsMiddlewareArgs<"block_suggestion">>;
type EventListener = Listener<SlackEventMiddlewareArgs>;

/**
 * Routes every Slack request to its handler by a map lookup, from jxc's one global
 * middleware (src/slack/middleware/pipeline.ts). Bolt runs every registered listener's matcher chain on every
 * request (measured at ~12 µs per listener per request), so jxc registers no
 * Bolt listeners of its own; the handlers stay one per file, listed in
 * commands/index.ts. A request no route claims goes on to Bolt's listeners.
 */
export class SlackRouter {
  private readonly commands = new Map<string, CommandListener>();
  private readonly actions = new Map<string, ActionListener>();
  private readonly actionPatterns: [RegExp, ActionListener][] = [];
  private readonly views = new Map<string, ViewListener>();
  private readonly options = new Map<string, OptionsListener>();
  private readonly events = new Map<string, EventListener>();

  command(name: string, listener: CommandListener): void {
    this.commands.set(name, listener);
  }

  /** An action id, or a pattern for ids suffixed to stay unique within a message. */
  action<A extends BlockAction>(id: string | RegExp, listener: Listener<SlackActionMiddlewareArgs<A>>): void {
    // The route narrows by action id, as Bolt's constraints would; the payload type follows from the id.
    const narrowed = listener as unknown as ActionListener;
    if (typeof id === "string") this.actions.set(id, narrowed);
    else this.actionPatterns.push([id, narrowed]);
  }

  view(callbackId: string, listener: ViewListener): void {
    this.views.set(callbackId, listener);
  }

  suggestion(actionId: string, listener: OptionsListener): void {
    this.options.set(actionId, listener);
  }

  event<Name extends string>(type: Name, listener: Listener<SlackEventMiddlewareArgs<Name>>): void {
    this.events.set(type, listener as unknown as EventListener);
  }

  /** Hands Bolt's own arguments to the handler whose route matches the payload; others go on to Bolt. */
  async dispatch(args: Parameters<Middleware<AnyMiddlewareArgs>>[0]): Promise<void> {
    const route = this.routeFor(args.body);
    if (route) await route(args as never);
    else await args.next();
  }

  private routeFor(body: unknown): ((args: never) => Promise<void>) | undefined {
    if (!isRecord(body)) return undefined;
    if (typeof body.command === "string") return this.commands.get(body.command);
    switch (body.type) {
      case "block_actions": {
        const first = Array.isArray(body.actions) ? body.actions[0] : undefined;
        const id = isRecord(first) && typeof first.action_id === "string" ? first.action_id : "";
        return this.actions.get(id) ?? this.actionPatterns.find(([pattern]) => pattern.test(id))?.[1];
      }
      case "view_submission":
      case "view_closed":
        return isRecord(body.view) && typeof body.view.callback_id === "string"
          ? this.views.get(body.view.callback_id)
          : undefined;
      case "block_suggestion":
        return typeof body.action_id === "string" ? this.options.get(body.action_id) : undefined;
      case "event_callback":
        return isRecord(body.event) && typeof body.event.type === "string"
          ? this.events.get(body.event.type)
          : undefined;
      default:
        return undefined;
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
