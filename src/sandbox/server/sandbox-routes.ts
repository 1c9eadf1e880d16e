import type { Context, Hono } from "hono";
import { z } from "zod";
import type { SlackEmulator } from "../emulator/slack-emulator.ts";
import { streamWorkspaceChanges } from "./live-updates.ts";
import type { UserActs } from "./user-acts.ts";
import { type WorkspaceSources, workspaceViewFor } from "./workspace-view.ts";

/** The header every page request carries: a browser only sends it from our own page (CORS). */
export const sandboxHeader = "X-Jxc-Sandbox";

const userId = z.string().regex(/^[UW][A-Z0-9]{2,}$/);
const target = z.union([
  z.object({ channel: z.string().min(1), ts: z.string().min(1) }),
  z.object({ viewId: z.string().min(1) }),
]);
const option = z.object({ value: z.string(), text: z.unknown().optional() });
const elementInput = z.object({
  user: userId,
  target,
  blockId: z.string(),
  actionId: z.string(),
  option: option.optional(),
  options: z.array(option).optional(),
  selectedDate: z.string().optional(),
  selectedTime: z.string().optional(),
  state: z.unknown().optional(),
});
const schemas = {
  command: z.object({ user: userId, channel: z.string(), text: z.string() }),
  message: z.object({ user: userId, channel: z.string(), text: z.string(), threadTs: z.string().optional() }),
  view: z.object({ user: userId, viewId: z.string(), state: z.unknown().optional() }),
  suggest: elementInput.extend({ value: z.string() }),
  home: z.object({ user: userId, tab: z.enum(["home", "messages"]) }),
  upload: z.object({ user: userId, name: z.string().min(1).max(255) }),
};

/** What the page's JSON API needs: the workspace to show and the acts to perform. */
export interface SandboxRouteDeps extends WorkspaceSources {
  emulator: SlackEmulator;
  acts: UserActs;
}

/** The page's small API under /sandbox/: the user's view of the workspace, live changes, and every act. */
export function registerSandboxRoutes(http: Hono, deps: SandboxRouteDeps): void {
  const { acts } = deps;
  http.use("/sandbox/*", async (c, next) => {
    // A plain form on another site cannot add this header, so it cannot act as a demo user.
    if (c.req.method !== "GET" && c.req.header(sandboxHeader) !== "1") return c.text("forbidden", 403);
    await next();
  });
  http.get("/sandbox/workspace", (c) => {
    const me = userId.safeParse(c.req.query("user"));
    if (!me.success) return c.json({ error: "user must be a Slack user id" }, 400);
    return c.json(workspaceViewFor(deps, me.data));
  });
  http.get("/sandbox/live", (c) => streamWorkspaceChanges(c, deps.emulator));
  http.post("/sandbox/command", (c) =>
    withBody(c, schemas.command, (b) => acts.command(b.user, b.channel, b.text)),
  );
  http.post("/sandbox/message", (c) =>
    withBody(c, schemas.message, (b) => acts.postMessage(b.user, b.channel, b.text, b.threadTs)),
  );
  http.post("/sandbox/action", (c) => withBody(c, elementInput, (b) => acts.act(b.user, b)));
  http.post("/sandbox/submit", (c) =>
    withBody(c, schemas.view, (b) => acts.submit(b.user, b.viewId, b.state)),
  );
  http.post("/sandbox/close", (c) => withBody(c, schemas.view, (b) => acts.close(b.user, b.viewId, b.state)));
  http.post("/sandbox/suggest", (c) =>
    withBody(c, schemas.suggest, async (b) => {
      try {
        return await acts.suggest(b.user, b);
      } catch (error) {
        return { options: [], error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  http.post("/sandbox/home", (c) => withBody(c, schemas.home, (b) => acts.openAppHome(b.user, b.tab)));
  http.post("/sandbox/upload", async (c) => {
    const query = schemas.upload.safeParse({ user: c.req.query("user"), name: c.req.query("name") });
    if (!query.success) return c.json({ ok: false, error: "upload needs ?user=…&name=…" }, 400);
    const bytes = Buffer.from(await c.req.arrayBuffer());
    return c.json(acts.upload(query.data.user, query.data.name, bytes));
  });
}

async function withBody<T>(
  c: Context,
  schema: z.ZodType<T>,
  handle: (body: T) => unknown | Promise<unknown>,
): Promise<Response> {
  const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
  if (!parsed.success)
    return c.json({ ok: false, error: parsed.error.issues[0]?.message ?? "bad request" }, 400);
  return c.json(await handle(parsed.data));
}
