/** The log fields that say who did what, read from any kind of Slack body; never its secrets. */
export interface RequestSummary {
  kind: string;
  user?: string;
  command?: string;
  action?: string;
}

export function describeRequest(body: Record<string, unknown>): RequestSummary {
  if (typeof body.command === "string") {
    return { kind: "command", user: str(body.user_id), command: body.command };
  }
  const type = str(body.type) ?? "unknown";
  const user = str(field(body.user, "id"));
  if (type === "block_actions") {
    const first = Array.isArray(body.actions) ? body.actions[0] : undefined;
    return { kind: type, user, action: str(field(first, "action_id")) };
  }
  if (type === "view_submission" || type === "view_closed") {
    return { kind: type, user, action: str(field(body.view, "callback_id")) };
  }
  if (type === "block_suggestion") return { kind: type, user, action: str(body.action_id) };
  if (type === "event_callback") {
    return { kind: "event", user: str(field(body.event, "user")), action: str(field(body.event, "type")) };
  }
  return { kind: type, user };
}

function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
