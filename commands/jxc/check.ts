import { checkBalances } from "../../src/domain/stock/check.ts";
import { messages } from "../../src/i18n/index.ts";
import type { EphemeralReply } from "../../src/slack/blocks.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import type { CommandDeps } from "../deps.ts";

const maxLines = 20;

/** `/jxc check`: rebuild every balance from the ledger and say whether they agree. */
export function checkStock(deps: CommandDeps, request: SlashRequest): EphemeralReply {
  const m = messages(request.locale).check;
  const { balanceDifferences, valuationDifferences } = checkBalances(deps.db);
  const lines = [
    ...balanceDifferences.map((d) => m.balanceLine(d)),
    ...valuationDifferences.map((d) => m.valuationLine(d)),
  ];
  if (lines.length === 0) return { text: m.allAgree };
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(m.more({ count: lines.length - maxLines }));
  return { text: `${m.differences({ count: lines.length })}\n${shown.join("\n")}` };
}
