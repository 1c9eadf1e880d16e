import {
  delegateApprovals,
  delegationsInvolving,
  revokeDelegation,
} from "../../src/domain/approvals/index.ts";
import { JxcError } from "../../src/domain/errors.ts";
import { rolesOf } from "../../src/domain/roles.ts";
import { messages } from "../../src/i18n/index.ts";
import type { EphemeralReply } from "../../src/slack/blocks.ts";
import { parseUserMention } from "../../src/slack/mentions.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import { formatDay, parseDayRange, todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";

/**
 * `/jxc delegate` lists my stand-ins; `/jxc delegate @user <dates>` lets them decide my
 * approvals over those days; `/jxc delegate end <id>` stops one early.
 */
export function delegate(deps: CommandDeps, request: SlashRequest, argument: string): EphemeralReply {
  const m = messages(request.locale).delegate;
  const [first = "", ...rest] = argument.split(/\s+/).filter(Boolean);
  const now = deps.clock.now();
  const today = todayIn(deps.company.timeZone, now);
  const day = (d: string) => formatDay(d, request.locale);
  if (first === "") {
    const rows = delegationsInvolving(deps.db, request.userId, today);
    if (rows.length === 0) return { text: `${m.none}\n${m.usage}` };
    const lines = rows.map((d) =>
      (d.approver === request.userId ? m.givenLine : m.receivedLine)({
        id: d.id,
        approver: d.approver,
        delegate: d.delegate,
        from: day(d.fromDay),
        to: day(d.toDay),
      }),
    );
    return { text: `${lines.join("\n")}\n${m.usage}` };
  }
  if (first === "end" || first === "结束") {
    const id = Number(rest[0]);
    if (!Number.isSafeInteger(id)) return { text: m.usage };
    revokeDelegation(deps.db, deps.clock, {
      id,
      actor: request.userId,
      isAdmin: rolesOf(deps.db, request.userId).has("admin"),
    });
    return { text: m.ended({ id }) };
  }
  const delegateId = parseUserMention(first);
  if (!delegateId) throw new JxcError("UNKNOWN_USER", { input: first });
  if (rest.length === 0) return { text: m.usage };
  const range = parseDayRange(rest.join(" "), {
    now,
    timeZone: deps.company.timeZone,
    locale: request.locale,
    field: "days",
  });
  const row = delegateApprovals(deps.db, deps.clock, {
    approver: request.userId,
    delegate: delegateId,
    fromDay: range.from,
    toDay: range.to,
    today,
  });
  return { text: m.done({ id: row.id, delegate: delegateId, from: day(row.fromDay), to: day(row.toDay) }) };
}
