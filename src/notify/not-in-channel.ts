import type { Company } from "../../commands/deps.ts";
import type { Db } from "../../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import { listRoleAssignments } from "../domain/roles.ts";
import { messages } from "../i18n/index.ts";
import { section } from "../slack/blocks.ts";
import type { Template } from "./contract.ts";
import { insertDelivery } from "./delivery-store.ts";

/** The template of the admin DM sent when the app is not a member of a channel it must post in. */
export const notInChannelTemplate = "jxc.not_in_channel";

/** Templates the notifier itself needs, merged under the app's own. */
export const builtInTemplates: Record<string, Template> = {
  [notInChannelTemplate]: (data, { locale }) => {
    const text = messages(locale).outbox.notInChannel({ channel: String(data.channel ?? "") });
    return { text, blocks: [section(text)] };
  },
};

/**
 * Tells every admin, in their own language, that the app must be invited to `channel`:
 * once per admin, channel and company day (the dedupe key), however many posts failed.
 */
export function warnAdminsNotInChannel(db: Db, clock: Clock, company: Company, channel: string): void {
  const now = clock.now();
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: company.timeZone }).format(now);
  const admins = listRoleAssignments(db).filter((assignment) => assignment.role === "admin");
  for (const { userId } of admins) {
    insertDelivery(db, {
      eventId: null,
      dedupeKey: `not_in_channel:${channel}:${userId}:${day}`,
      kind: "post",
      target: userId,
      template: notInChannelTemplate,
      data: { channel },
      status: "pending",
      nextAttemptAt: now,
      createdAt: now,
    });
  }
}
