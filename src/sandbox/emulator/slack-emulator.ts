import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type ServerType, serve } from "@hono/node-server";
import { fileObjectOf } from "./emulator-misc.ts";
import { deliverResponse } from "./emulator-response-url.ts";
import { createEmulatorApp } from "./emulator-routes.ts";
import { EmulatorState } from "./emulator-state.ts";
import {
  EMULATED_APP_ID,
  EMULATED_TEAM_DOMAIN,
  EMULATED_TEAM_ID,
  type EmulatedUser,
  type FailureRule,
  type HoldRule,
  type OpenView,
  type RecordedCall,
  type ResponseUrlContext,
  type ResponseUrlPost,
  type StoredMessage,
  type UploadedFile,
} from "./emulator-types.ts";
import { applyViewSubmissionAnswer } from "./emulator-view-responses.ts";
import { closeModal } from "./emulator-views.ts";
import { waitUntil } from "./emulator-wait.ts";

export type {
  EmulatedUser,
  FailureRule,
  HoldRule,
  OpenView,
  RecordedCall,
  ResponseUrlContext,
  ResponseUrlPost,
  StoredMessage,
  UploadedFile,
} from "./emulator-types.ts";

/** Who is in the workspace at the start, and the bot's identity. */
export interface EmulatorStartOptions {
  users?: EmulatedUser[];
  botUserId?: string;
  botToken?: string;
}

function idFromResponseUrl(responseUrlOrId: string): string {
  return responseUrlOrId.split("/").filter(Boolean).at(-1) ?? responseUrlOrId;
}

/** A local fake of Slack's Web API, response URLs and file uploads, bound to 127.0.0.1. */
export class SlackEmulator {
  readonly apiUrl: string;
  readonly botToken: string;
  readonly botUserId: string;
  readonly teamId = EMULATED_TEAM_ID;
  readonly teamDomain = EMULATED_TEAM_DOMAIN;
  readonly apiAppId = EMULATED_APP_ID;

  private constructor(
    private readonly state: EmulatorState,
    private readonly server: ServerType,
    readonly baseUrl: string,
  ) {
    this.apiUrl = `${baseUrl}/api/`;
    this.botToken = state.botToken;
    this.botUserId = state.botUserId;
  }

  static async start(options: EmulatorStartOptions = {}): Promise<SlackEmulator> {
    const state = new EmulatorState(options.botUserId ?? "UBOT000001", options.botToken ?? "xoxb-test-token");
    state.users.set(state.botUserId, { id: state.botUserId, name: "jxc", isBot: true });
    for (const user of options.users ?? []) state.users.set(user.id, { ...user });
    const app = createEmulatorApp(state);
    const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
      const listening = serve(
        // Leave the process-wide fetch globals alone; the app under test shares this process.
        { fetch: app.fetch, port: 0, hostname: "127.0.0.1", overrideGlobalObjects: false },
        (info: AddressInfo) => resolve({ server: listening, port: info.port }),
      );
      listening.once("error", reject);
    });
    state.baseUrl = `http://127.0.0.1:${port}`;
    return new SlackEmulator(state, server, state.baseUrl);
  }

  /** Lets an app with this app-level token connect over Socket Mode to the given WebSocket URL. */
  acceptSocketMode(appToken: string, url: string): void {
    this.state.socketMode = { appToken, url };
  }

  addUser(user: EmulatedUser): void {
    this.state.users.set(user.id, { ...user });
    this.state.changed();
  }

  /** Everyone in the workspace, the bot included. */
  users(): EmulatedUser[] {
    return [...this.state.users.values()].map((user) => ({ ...user }));
  }

  user(userId: string): EmulatedUser | undefined {
    const user = this.state.users.get(userId);
    return user ? { ...user } : undefined;
  }

  /** Remembers a human-readable name for a channel id (conversations.info, driver payloads). */
  nameChannel(channelId: string, name: string): void {
    this.state.channelNames.set(channelId, name);
    this.state.changed();
  }

  /** The named channels, in the order they were named (the sandbox sidebar lists them). */
  channels(): { id: string; name: string }[] {
    return [...this.state.channelNames].map(([id, name]) => ({ id, name }));
  }

  /**
   * Takes the bot out of a channel (or never invites it): posts there then fail with
   * `not_in_channel` (`channel_not_found` for a private G… channel, which it can no longer see)
   * and conversations.info says `is_member: false`. The bot starts in every channel.
   */
  removeBotFromChannel(channelId: string): void {
    this.state.botAbsentFrom.add(channelId);
    this.state.changed();
  }

  /** Someone typed `/invite @jxc` in the channel. */
  addBotToChannel(channelId: string): void {
    this.state.botAbsentFrom.delete(channelId);
    this.state.changed();
  }

  isBotInChannel(channelId: string): boolean {
    return this.state.botIsMember(channelId);
  }

  /** Calls `watcher` whenever the workspace may have changed; answers how to stop. */
  watch(watcher: () => void): () => void {
    return this.state.watch(watcher);
  }

  /** A person writes in a channel or a thread (the app hears nothing: it subscribes to no message events). */
  userPostsMessage(userId: string, channel: string, text: string, threadTs?: string): StoredMessage {
    const message: StoredMessage = {
      channel: this.state.resolveChannel(channel),
      ts: this.state.nextTs(),
      user: userId,
      text,
      source: "api",
    };
    const parent = threadTs ? this.state.findMessage(channel, threadTs, { ephemeral: false }) : undefined;
    if (parent) message.threadTs = parent.threadTs ?? parent.ts;
    this.state.messages.push(message);
    this.state.changed();
    return structuredClone(message);
  }

  channelName(channelId: string): string | undefined {
    return this.state.channelNames.get(channelId);
  }

  createResponseUrl(context: ResponseUrlContext = {}): string {
    const id = `${this.state.nextId("R", 6)}${randomBytes(4).toString("hex")}`;
    this.state.responseUrls.set(id, { context: { ...context }, createdAt: this.state.now(), uses: 0 });
    return `${this.baseUrl}/response/${id}`;
  }

  /** Single use and valid for 3 s; a user id makes views.open/push act on that user's modals. */
  createTriggerId(userId?: string): string {
    const id = `${Math.floor(this.state.now() / 1000)}.${this.state.nextId("", 6)}.${randomBytes(16).toString("hex")}`;
    this.state.triggers.set(id, { createdAt: this.state.now(), used: false, ...(userId ? { userId } : {}) });
    return id;
  }

  calls(method?: string): RecordedCall[] {
    return structuredClone(this.state.calls.filter((call) => method === undefined || call.method === method));
  }

  responseUrlPosts(responseUrlOrId?: string): ResponseUrlPost[] {
    const id = responseUrlOrId === undefined ? undefined : idFromResponseUrl(responseUrlOrId);
    return structuredClone(this.state.responseUrlPosts.filter((post) => id === undefined || post.id === id));
  }

  messages(channel?: string): StoredMessage[] {
    const wanted = channel === undefined ? undefined : this.state.resolveChannel(channel);
    return structuredClone(
      this.state.messages.filter((message) => wanted === undefined || message.channel === wanted),
    );
  }

  lastMessage(channel?: string): StoredMessage | undefined {
    return this.messages(channel).at(-1);
  }

  view(viewId: string): OpenView | undefined {
    const open = this.state.views.get(viewId);
    return open ? structuredClone(open) : undefined;
  }

  openViews(userId?: string): OpenView[] {
    const views: OpenView[] = [];
    for (const stack of this.state.stacks.values()) {
      for (const viewId of stack) {
        const open = this.state.views.get(viewId);
        if (open && (userId === undefined || open.userId === userId)) views.push(structuredClone(open));
      }
    }
    return views;
  }

  /** The id of a user's Home tab view, which interactions on it name. */
  homeViewId(userId: string): string | undefined {
    return this.state.homeViewIds.get(userId);
  }

  homeView(userId: string): Record<string, unknown> | undefined {
    const viewId = this.state.homeViewIds.get(userId);
    const open = viewId ? this.state.views.get(viewId) : undefined;
    return open ? structuredClone(open.view) : undefined;
  }

  /** A file a user uploaded in Slack (e.g. through a file_input), downloadable with the bot token. */
  userUploadsFile(userId: string, name: string, bytes: Buffer): Record<string, unknown> {
    const id = this.state.nextId("F");
    this.state.files.set(id, {
      name,
      declaredLength: bytes.length,
      bytes: Buffer.from(bytes),
      completed: true,
      owner: userId,
    });
    return this.fileObject(id);
  }

  /** The file object Slack shows the app (files.info, file_input state). */
  fileObject(fileId: string): Record<string, unknown> {
    return fileObjectOf(this.state, fileId);
  }

  uploadedFile(fileId: string): UploadedFile | undefined {
    const record = this.state.files.get(fileId);
    if (!record?.bytes) return undefined;
    const file: UploadedFile = { name: record.name, bytes: Buffer.from(record.bytes) };
    if (record.channel) file.channel = record.channel;
    return file;
  }

  failNext(method: string, rule: FailureRule): void {
    const queue = this.state.failures.get(method) ?? [];
    queue.push({ ...rule });
    this.state.failures.set(method, queue);
  }

  /** Holds the next answer of `method` as if the line hung; `accept`: Slack acted first (default). */
  holdNext(method: string, rule: HoldRule = { accept: true }): void {
    const queue = this.state.holds.get(method) ?? [];
    queue.push({ ...rule });
    this.state.holds.set(method, queue);
  }

  heldCount(): number {
    return this.state.held.size;
  }

  /** Sends every held answer; an unaccepted call gets `request_timeout`. */
  releaseHeld(): void {
    this.state.releaseHeld();
  }

  /** Paces chat.postMessage per channel: bursts of 3, then `perSecond`; excess gets 429 Retry-After 1. */
  enforceChannelRate(on: boolean, perSecond = 1): void {
    this.state.channelRate = on ? { perSecond, buckets: new Map() } : undefined;
  }

  /** Moves the emulator's clock (trigger and response_url expiry, rate buckets) forward. */
  advanceTime(ms: number): void {
    this.state.advanceTime(ms);
  }

  /** Polls `predicate` until it answers something, or fails naming the app's recent Slack calls. */
  waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 2000): Promise<T> {
    return waitUntil(this.state, predicate, timeoutMs);
  }

  // The methods below let SlackDriver play Slack's part after the app answers a request.

  /** Renders a synchronous reply to a slash command or block action like a response_url post. */
  applyImmediateResponse(responseUrl: string, body: Record<string, unknown>): string | undefined {
    const record = this.state.responseUrls.get(idFromResponseUrl(responseUrl));
    if (!record) return `unknown response_url ${responseUrl}`;
    return this.changing(() => deliverResponse(this.state, record, body));
  }

  closeViewAsUser(viewId: string): { cleared: boolean } | undefined {
    return this.changing(() => closeModal(this.state, viewId));
  }

  applyViewSubmissionAnswer(viewId: string, status: number, answer: unknown): string | undefined {
    return this.changing(() => applyViewSubmissionAnswer(this.state, viewId, status, answer));
  }

  reset(): void {
    this.changing(() => this.state.reset());
  }

  private changing<T>(change: () => T): T {
    const result = change();
    this.state.changed();
    return result;
  }

  async stop(): Promise<void> {
    this.state.releaseHeld();
    await new Promise<void>((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive sockets from fetch would otherwise hold close() open.
      if ("closeAllConnections" in this.server) this.server.closeAllConnections();
    });
  }
}
