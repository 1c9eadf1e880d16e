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
}

/**
 * Renders one kind of message from its stored data. Templates read current state
 * (a card shows the document as it is now), so a late delivery is never stale.
 */
export type Template = (data: Record<string, unknown>, ctx: RenderContext) => RenderedMessage;

/** One message owed because of an event; the dispatcher stores it as a delivery row. */
export interface PlannedDelivery {
  /** Unique within the event; with the event id it forms the dedupe key. */
  key: string;
  kind: "post" | "update" | "home";
  /** Channel id, or user id (a DM for post/update, the Home tab for home). */
  target: string;
  template: string;
  data: Record<string, unknown>;
  /** Post as a reply in this document's thread ("adjustment:12"). */
  threadKey?: string;
  /** For `update`: the delivery id whose message is rewritten. */
  updatesDeliveryId?: number;
}

/** Lets request handlers wake the delivery worker after a change instead of waiting for its poll. */
export interface Notifier {
  kick(): void;
}
