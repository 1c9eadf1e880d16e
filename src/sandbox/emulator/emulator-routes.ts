import { Hono } from "hono";
import { chatMethods, errorAnswer, type MethodHandler, okAnswer, RATE_LIMITED } from "./emulator-chat.ts";
import { conversationMethods } from "./emulator-conversations.ts";
import { miscMethods } from "./emulator-misc.ts";
import { handleResponseUrlPost } from "./emulator-response-url.ts";
import type { EmulatorState } from "./emulator-state.ts";
import type { ApiAnswer } from "./emulator-types.ts";
import { viewMethods } from "./emulator-views.ts";

const METHODS: Record<string, MethodHandler> = {
  ...chatMethods,
  ...conversationMethods,
  ...viewMethods,
  ...miscMethods,
};

// Form-encoded callers (like @slack/web-api) send these arguments as JSON strings.
const JSON_ARGUMENTS = new Set(["blocks", "attachments", "view", "metadata", "files"]);

interface ParsedRequest {
  args: Record<string, unknown>;
  token: string | undefined;
  malformed: boolean;
}

function decodeFormValue(key: string, value: string): unknown {
  if (!JSON_ARGUMENTS.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    // Left as a string so validation reports it the way Slack would.
    return value;
  }
}

async function parseApiRequest(request: Request): Promise<ParsedRequest> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URL(request.url).searchParams) args[key] = decodeFormValue(key, value);
  const contentType = request.headers.get("content-type") ?? "";
  let malformed = false;
  let bodyToken: string | undefined;
  if (contentType.includes("application/json")) {
    try {
      const parsed: unknown = JSON.parse(await request.text());
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) malformed = true;
      // Slack ignores a token inside a JSON body; it must come in the Authorization header.
      else Object.assign(args, parsed);
    } catch {
      malformed = true;
    }
  } else {
    const entries: [string, string][] = [];
    if (contentType.includes("multipart/form-data")) {
      for (const [key, value] of await request.formData()) {
        if (typeof value === "string") entries.push([key, value]);
      }
    } else {
      entries.push(...new URLSearchParams(await request.text()));
    }
    for (const [key, value] of entries) args[key] = decodeFormValue(key, value);
    if (typeof args.token === "string") bodyToken = args.token;
  }
  const { token: _bodyToken, ...rest } = args;
  const header = request.headers.get("authorization") ?? "";
  const headerToken = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  return { args: rest, token: headerToken ?? bodyToken, malformed };
}

function answerFor(state: EmulatorState, method: string, parsed: ParsedRequest): ApiAnswer {
  if (method === "apps.connections.open") return openSocketConnection(state, parsed.token);
  const handler = METHODS[method];
  if (!handler) return errorAnswer("unknown_method");
  if (parsed.malformed) return errorAnswer("invalid_json");
  if (parsed.token === undefined || parsed.token === "") return errorAnswer("not_authed");
  if (parsed.token !== state.botToken) return errorAnswer("invalid_auth");
  const rule = state.takeFailure(method);
  if (rule) {
    if (rule.status === 429) {
      return { ...RATE_LIMITED, headers: { "Retry-After": String(rule.retryAfterSeconds ?? 1) } };
    }
    return { status: rule.status ?? 200, body: { ok: false, error: rule.error ?? "internal_error" } };
  }
  return handler(state, parsed.args);
}

async function readUpload(request: Request): Promise<Buffer> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.includes("multipart/form-data")) return Buffer.from(await request.arrayBuffer());
  // @slack/web-api posts the bytes as the single multipart field of the form.
  for (const [, value] of await request.formData()) {
    if (typeof value === "string") return Buffer.from(value, "utf8");
    return Buffer.from(await value.arrayBuffer());
  }
  return Buffer.alloc(0);
}

/** The emulator's HTTP surface: Web API methods, response URLs, uploads and file downloads. */
export function createEmulatorApp(state: EmulatorState): Hono {
  const app = new Hono();
  // Whatever the app just did may show on the sandbox page.
  app.use(async (_c, next) => {
    await next();
    state.changed();
  });

  app.all("/api/:method", async (c) => {
    const method = c.req.param("method");
    const parsed = await parseApiRequest(c.req.raw);
    const hold = state.takeHold(method);
    // Not accepted: Slack never acted on it, and the caller never hears back.
    if (hold && !hold.accept) await state.holdAnswer();
    const answer = hold && !hold.accept ? errorAnswer("request_timeout") : answerFor(state, method, parsed);
    const ok = answer.body.ok === true;
    state.calls.push({
      method,
      args: parsed.args,
      token: parsed.token,
      ok,
      ...(ok ? {} : { error: String(answer.body.error) }),
    });
    if (hold?.accept) {
      state.changed();
      await state.holdAnswer();
    }
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { "Content-Type": "application/json; charset=utf-8", ...answer.headers },
    });
  });

  app.post("/response/:id", async (c) => {
    const result = handleResponseUrlPost(state, c.req.param("id"), await c.req.text());
    const contentType = result.json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8";
    return new Response(result.text, { status: result.status, headers: { "Content-Type": contentType } });
  });

  app.post("/upload/:id", async (c) => {
    const record = state.files.get(c.req.param("id"));
    if (!record) return c.text("file_not_found", 404);
    record.bytes = await readUpload(c.req.raw);
    return c.text(`OK - ${record.bytes.length}`, 200);
  });

  // url_private: Slack serves the bytes only with the bot token in an Authorization header.
  app.get("/files-pri/:id/:name", (c) => {
    const token = /^Bearer\s+(.+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    if (token !== state.botToken) return c.text("not_authed", 403);
    const record = state.files.get(c.req.param("id"));
    if (!record?.bytes) return c.text("file_not_found", 404);
    return new Response(new Uint8Array(record.bytes), {
      status: 200,
      headers: { "Content-Type": "application/octet-stream" },
    });
  });

  app.notFound((c) => c.text("not_found", 404));
  return app;
}

// Socket Mode: only an app-level token opens a connection, and only when a socket server is running.
function openSocketConnection(state: EmulatorState, token: string | undefined): ApiAnswer {
  if (!token) return errorAnswer("not_authed");
  if (!state.socketMode) return errorAnswer("not_allowed_token_type");
  if (token !== state.socketMode.appToken) return errorAnswer("invalid_auth");
  return okAnswer({ url: state.socketMode.url });
}
