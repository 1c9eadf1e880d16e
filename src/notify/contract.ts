import type { Block, KnownBlock } from "@slack/types";
import type { Company } from "../../commands/deps.ts";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { EventType } from "../domain/events.ts";
import type { Locale } from "../i18n/index.ts";

/** An outbox event as the dispatcher reads it back. */
export interface StoredEvent {
  id: number;
  type: EventType;
  actor: string;
  docType: string | null;
  docId: number | null;
  payload: Record<string, unknown>;
  createdAt: number;
}

/** A rendered Slack message (or Home tab body): fallback text plus blocks. */
export interface RenderedMessage {
  text: string;
  blocks: (KnownBlock | Block)[];
}

/** What a template may read when it renders, at delivery time, in the recipient's language. */
export interface RenderContext {
  db: Db;
  clock: Clock;
  company: Company;
  locale: Locale;
  /** Who the delivery goes to: a channel id, or the user whose DM or Home tab it is. */
  recipient: string;
}

/**
 * Renders one kind of message from its stored data. Templates read current state
 * (a card shows the document as it is now), so a late delivery is never stale.
 */
export type Template = (data: Record<string, unknown>, ctx: RenderContext) => RenderedMessage;

/**
 * What a planner may read. `db` is the dispatcher's own connection with the event's
 * transaction open on it, so reads see exactly what the deliveries will be stored with.
 */
export interface PlanContext {
  db: Db;
  clock: Clock;
  company: Company;
}

/**
 * Turns one event into the messages it owes. Runs inside the dispatcher's transaction,
 * synchronously, and only reads: the dispatcher writes what it returns.
 */
export type Planner = (event: StoredEvent, ctx: PlanContext) => PlannedDelivery[];

/**
 * A document whose story is told in one channel thread. The first event that names it
 * posts `card` as the thread's parent in the channel (its own message is not posted: the
 * card already says it); every later event posts its message as a reply in that thread and
 * rewrites the card, so the parent always shows the document's current status.
 */
export interface DocumentThreadRef {
  docType: string;
  docId: number;
  card: { template: string; data: Record<string, unknown> };
}

interface PlannedBase {
  /** Unique within the event; with the event id it forms the dedupe key. Keys starting with `#` are reserved. */
  key: string;
  template: string;
  data: Record<string, unknown>;
}

/** A new message: to a channel id, or to a user id (their DM with the app). */
export interface PlannedPost extends PlannedBase {
  kind: "post";
  /** Channel or user id. With `thread`, the channel that hosts the thread when this event opens it. */
  target: string;
  thread?: DocumentThreadRef;
}

/** Rewrites a message an earlier delivery posted (e.g. an approval DM once decided). */
export interface PlannedUpdate extends PlannedBase {
  kind: "update";
  updatesDeliveryId: number;
}

/** Republishes a user's Home tab; only the newest pending one per user is sent. */
export interface PlannedHome extends PlannedBase {
  kind: "home";
  target: string;
}

/** One message owed because of an event; the dispatcher stores it as a delivery row. */
export type PlannedDelivery = PlannedPost | PlannedUpdate | PlannedHome;

/** Lets request handlers wake the delivery worker after a change instead of waiting for its poll. */
export interface Notifier {
  kick(): void;
}
