import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { Hono } from "hono";
import { projectPath } from "../../project-path.ts";

const pageFolder = projectPath("src/sandbox/page");

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

/**
 * Serves the sandbox page as it is on disk (no build step): index.html at `/`, its scripts and
 * styles under /sandbox/page/. Only files
 * present at start are served, so no path can escape the folder.
 */
export function servePage(http: Hono): void {
  const types = new Map<string, string>();
  for (const name of readdirSync(pageFolder)) {
    const type = contentTypes[extname(name)];
    if (type) types.set(name, type);
  }
  // Read on each request, so an edited page shows on reload.
  const send = (name: string) => {
    const type = types.get(name);
    if (!type) return new Response("not found", { status: 404 });
    const body = readFileSync(join(pageFolder, name), "utf8");
    return new Response(body, { headers: { "Content-Type": type, "Cache-Control": "no-store" } });
  };
  http.get("/", () => send("index.html"));
  http.get("/sandbox/page/:name", (c) => send(c.req.param("name")));
}
