import { isJxcError, JxcError } from "../../src/domain/errors.ts";
import { type EventType, eventTypes } from "../../src/domain/events.ts";
import { getDepartmentChannel } from "../../src/domain/routing/departments.ts";
import {
  addRouteTarget,
  type Route,
  removeRouteTarget,
  resetRoute,
  routeFor,
} from "../../src/domain/routing/routes.ts";
import { type RouteTarget, toRouteTarget } from "../../src/domain/routing/targets.ts";
import { type Locale, messages } from "../../src/i18n/index.ts";
import { type EphemeralReply, header, section } from "../../src/slack/blocks.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";
import { parseDepartment } from "./channel.ts";
import { parseRole } from "./roles.ts";

/** `/jxc route [<event-type>]`: who hears of every event, or of one. */
export function showRoutes(deps: CommandDeps, request: SlashRequest, argument: string): EphemeralReply {
  const m = messages(request.locale);
  const [typeWord] = argument.split(/\s+/).filter(Boolean);
  if (typeWord) {
    const text = describeRoute(deps, request.locale, routeFor(deps.db, parseEventType(typeWord)));
    return { text: `${text}\n${m.routes.usage}` };
  }
  const lines = eventTypes.map((type) => describeRoute(deps, request.locale, routeFor(deps.db, type)));
  return {
    text: [m.routes.title, ...lines].join("\n"),
    // A section per event type keeps each under Block Kit's 3000 characters as types are added.
    blocks: [header(m.routes.title), ...lines.map((line) => section(line)), section(m.routes.usage)],
  };
}

/** `/jxc route <event-type> add|remove <target>` and `… reset`: admins change who hears of an event. */
export function editRoute(deps: CommandDeps, request: SlashRequest, argument: string): EphemeralReply {
  const m = messages(request.locale);
  const [typeWord = "", verb = "", ...targetWords] = argument.split(/\s+/).filter(Boolean);
  const eventType = parseEventType(typeWord);
  const base = { actor: request.userId, eventType };
  const needsTarget = ["add", "remove"].includes(verb.toLowerCase());
  if (needsTarget && targetWords.length === 0) return { text: m.routes.usage };
  const show = (route: Route) => describeRoute(deps, request.locale, route);
  switch (verb.toLowerCase()) {
    case "add": {
      const target = parseTarget(targetWords.join(" "));
      const { changed, route } = addRouteTarget(deps.db, deps.clock, { ...base, target });
      const said = changed ? m.routes.added : m.routes.alreadyThere;
      return { text: `${said({ target, eventType })}\n${show(route)}` };
    }
    case "remove": {
      const target = parseTarget(targetWords.join(" "));
      const { changed, route } = removeRouteTarget(deps.db, deps.clock, { ...base, target });
      const said = changed ? m.routes.removed : m.routes.notThere;
      return { text: `${said({ target, eventType })}\n${show(route)}` };
    }
    case "reset": {
      const { changed, route } = resetRoute(deps.db, deps.clock, base);
      const said = changed ? m.routes.reset : m.routes.alreadyDefault;
      return { text: `${said({ eventType })}\n${show(route)}` };
    }
    default:
      return { text: m.routes.usage };
  }
}

function describeRoute(deps: CommandDeps, locale: Locale, route: Route): string {
  const m = messages(locale);
  const state = route.custom ? m.routes.custom : m.routes.default;
  const lines = route.targets.map((target) => `• ${describeTarget(deps, locale, target)} \`${target}\``);
  const heading = m.routes.heading({
    eventType: route.eventType,
    about: m.eventNames[route.eventType],
    state,
  });
  return [heading, ...(lines.length > 0 ? lines : [`• ${m.routes.nobody}`])].join("\n");
}

function describeTarget(deps: CommandDeps, locale: Locale, target: RouteTarget): string {
  const m = messages(locale);
  if (target === "owner") return m.routes.owner;
  if (target.startsWith("role:")) return m.routes.role({ role: m.roleNames[parseRole(target.slice(5))] });
  const department = parseDepartment(target.slice(8));
  const channelId = getDepartmentChannel(deps.db, department);
  const name = m.departmentNames[department];
  return channelId
    ? m.routes.channel({ department: name, channel: channelId })
    : m.routes.channelNotSet({ department: name, code: department });
}

/** An event type exactly as listed (any case); anything else is answered with the list. */
function parseEventType(input: string): EventType {
  const wanted = input.trim().toLowerCase();
  const found = eventTypes.find((type) => type === wanted);
  if (!found) throw new JxcError("UNKNOWN_EVENT_TYPE", { input: input || "—" });
  return found;
}

/** `owner`, `role:<role>` or `channel:<department>`; the role or department may be a name in either language. */
function parseTarget(input: string): RouteTarget {
  const typed = input.trim().replace("：", ":");
  const [kind = "", ...rest] = typed.split(":");
  const name = rest.join(":").trim();
  const parsed = ((): string | undefined => {
    try {
      if (["owner", "requester", "申请人"].includes(typed.toLowerCase())) return "owner";
      if (kind.toLowerCase() === "role") return `role:${parseRole(name)}`;
      if (kind.toLowerCase() === "channel") return `channel:${parseDepartment(name)}`;
    } catch (error) {
      // An unknown role or department is an unknown target: that answer lists every choice.
      if (!isJxcError(error)) throw error;
    }
    return undefined;
  })();
  const target = parsed && toRouteTarget(parsed);
  if (!target) throw new JxcError("UNKNOWN_ROUTE_TARGET", { input: input || "—" });
  return target;
}
