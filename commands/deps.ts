import type { Db } from "../db/client.ts";
import type { ItemSearchIndex } from "../src/domain/catalogue/search-index.ts";
import type { Clock } from "../src/domain/clock.ts";
import type { Logger } from "../src/log.ts";
import type { Notifier } from "../src/notify/contract.ts";
import type { LocaleResolver } from "../src/slack/locale.ts";

/** Company-wide facts from configuration. */
export interface Company {
  currency: string;
  timeZone: string;
}

/** What listeners may use; built once in src/main.ts. */
export interface CommandDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  locales: LocaleResolver;
  company: Company;
  /** In-memory item search, shared by /stock and every item picker. */
  itemIndex: ItemSearchIndex;
  /** Wakes the outbox worker after a change that emitted events, instead of waiting for its poll. */
  notifier: Notifier;
}
