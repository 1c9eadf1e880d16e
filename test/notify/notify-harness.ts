import { eq } from "drizzle-orm";
import { type Db, openDatabase } from "../../db/client.ts";
import { deliveries } from "../../db/schema.ts";
import { systemClock } from "../../src/domain/clock.ts";
import { type EventType, emitEvent } from "../../src/domain/events.ts";
import { createLogger } from "../../src/log.ts";
import type { Planner, Template } from "../../src/notify/contract.ts";
import type { DeliveryRow } from "../../src/notify/delivery-store.ts";
import { createNotifier, type NotifierTuning, type OutboxNotifier } from "../../src/notify/notifier.ts";
import { createLocaleResolver } from "../../src/slack/locale.ts";
import { usersInfoLocaleLookup } from "../../src/slack/users-info-locale.ts";
import { type EmulatedUser, SlackEmulator, type StoredMessage } from "../harness/slack-emulator.ts";
import { type LogLine, quickNotifyTuning } from "../harness/test-app.ts";
import { testTemplates } from "./fixtures.ts";

export interface NotifyHarness {
  emulator: SlackEmulator;
  db: Db;
  notifier: OutboxNotifier;
  logs: LogLine[];
  emit(type: EventType, payload: Record<string, unknown>, doc?: { docType: string; docId: number }): number;
  rows(): DeliveryRow[];
  /** The emulator's messages that carry this delivery id in their metadata. */
  messagesOf(deliveryId: number): StoredMessage[];
  stop(): Promise<void>;
}

/** A notifier on a fresh database (or `databasePath`) against a fresh emulator. */
export async function startNotifier(options: {
  planners: Record<EventType, Planner>;
  templates?: Record<string, Template>;
  tuning?: Partial<NotifierTuning>;
  users?: EmulatedUser[];
  databasePath?: string;
  emulator?: SlackEmulator;
}): Promise<NotifyHarness> {
  const emulator = options.emulator ?? (await SlackEmulator.start({ users: options.users ?? [] }));
  const db = openDatabase(options.databasePath ?? ":memory:");
  const logs: LogLine[] = [];
  const logger = createLogger({
    level: "debug",
    destination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  });
  const clock = systemClock;
  const locales = createLocaleResolver({
    db,
    clock,
    logger,
    lookup: usersInfoLocaleLookup(emulator.botToken, emulator.apiUrl),
  });
  const notifier = createNotifier({
    db,
    clock,
    logger,
    company: { currency: "CNY", timeZone: "Asia/Shanghai" },
    botToken: emulator.botToken,
    slackApiUrl: emulator.apiUrl,
    locales,
    planners: options.planners,
    templates: options.templates ?? testTemplates,
    tuning: { ...quickNotifyTuning, ...options.tuning },
  });
  return {
    emulator,
    db,
    notifier,
    logs,
    emit: (type, payload, doc) => emitEvent(db, { type, actor: "U0ACTOR", payload, ...doc }, clock.now()),
    rows: () => db.select().from(deliveries).orderBy(deliveries.id).all(),
    messagesOf: (deliveryId) => messagesTagged(emulator, deliveryId),
    async stop() {
      await notifier.stop();
      if (!options.emulator) await emulator.stop();
      db.$client.close();
    },
  };
}

export function messagesTagged(emulator: SlackEmulator, deliveryId: number): StoredMessage[] {
  return emulator.messages().filter((message) => {
    const metadata = message.metadata as { event_type?: string; event_payload?: { delivery_id?: unknown } };
    return metadata?.event_type === "jxc_delivery" && metadata.event_payload?.delivery_id === deliveryId;
  });
}

export function deliveryRow(db: Db, id: number): DeliveryRow | undefined {
  return db.select().from(deliveries).where(eq(deliveries.id, id)).get();
}
