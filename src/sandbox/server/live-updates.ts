import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { SlackEmulator } from "../emulator/slack-emulator.ts";

// A burst of Web API calls (a modal update then a DM) becomes one refresh of the page.
const settleMs = 30;
// Proxies and browsers drop idle streams; a comment line now and then keeps it open.
const keepAliveMs = 15_000;

/**
 * Server-Sent Events for the page: a `changed` event whenever the emulated workspace may look
 * different (a message posted, a view opened), so the page fetches its view again.
 */
export function streamWorkspaceChanges(c: Context, emulator: SlackEmulator): Response {
  return streamSSE(c, async (stream) => {
    let version = 0;
    let pending: NodeJS.Timeout | undefined;
    const stop = emulator.watch(() => {
      pending ??= setTimeout(() => {
        pending = undefined;
        version += 1;
        void stream.writeSSE({ event: "changed", data: String(version) });
      }, settleMs);
    });
    const keepAlive = setInterval(() => void stream.write(": keep-alive\n\n"), keepAliveMs);
    await stream.writeSSE({ event: "ready", data: "0" });
    await new Promise<void>((resolve) => stream.onAbort(resolve));
    stop();
    clearInterval(keepAlive);
    if (pending) clearTimeout(pending);
  });
}
