import { eq } from "drizzle-orm";
import type { Company } from "../../commands/deps.ts";
import type { Db } from "../../db/client.ts";
import { companySettings } from "../../db/schema.ts";
import type { Clock } from "../domain/clock.ts";
import { type Locale, toLocale } from "../i18n/index.ts";
import type { LocaleResolver } from "../slack/locale.ts";
import { isUserId } from "../slack/mentions.ts";
import type { RenderedMessage, Template } from "./contract.ts";
import type { DeliveryRow } from "./delivery-store.ts";

/** The language of messages in channels, where readers differ: company setting `channel_language`, else English. */
export function channelLanguage(db: Db): Locale {
  const row = db
    .select({ value: companySettings.value })
    .from(companySettings)
    .where(eq(companySettings.key, "channel_language"))
    .get();
  return toLocale(typeof row?.value === "string" ? row.value : undefined) ?? "en";
}

/** A template name no registry knows, or a template that threw: the delivery fails for good. */
export class RenderError extends Error {
  override name = "RenderError";
}

/**
 * Renders a delivery now, in its reader's language: a person's own (choice, else Slack
 * locale), or the company's channel language. Late deliveries therefore show current state.
 */
export function createRenderer(deps: {
  db: Db;
  clock: Clock;
  company: Company;
  locales: LocaleResolver;
  templates: Readonly<Record<string, Template>>;
}): (row: DeliveryRow) => Promise<RenderedMessage> {
  const { db, clock, company, locales, templates } = deps;
  return async (row) => {
    const template = Object.hasOwn(templates, row.template) ? templates[row.template] : undefined;
    if (!template) throw new RenderError(`unknown_template: ${row.template}`);
    const locale = isUserId(row.target) ? await locales.localeFor(row.target) : channelLanguage(db);
    const data =
      typeof row.data === "object" && row.data !== null ? (row.data as Record<string, unknown>) : {};
    try {
      return template(data, { db, clock, company, locale, recipient: row.target });
    } catch (error) {
      throw new RenderError(`render_failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
