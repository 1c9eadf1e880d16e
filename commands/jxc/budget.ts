import { currencyDecimals, formatMoney, parseMoney } from "../../src/domain/money.ts";
import { purchasingSpendThisMonth } from "../../src/domain/purchasing/reads.ts";
import { readPurchasingBudget, setPurchasingBudget } from "../../src/domain/purchasing/settings.ts";
import { messages } from "../../src/i18n/index.ts";
import type { EphemeralReply } from "../../src/slack/blocks.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import { todayIn } from "../../src/text/dates.ts";
import type { CommandDeps } from "../deps.ts";

/** `/jxc budget [<amount>]`: the monthly purchasing budget that PO approval cards measure against. */
export function purchasingBudget(deps: CommandDeps, request: SlashRequest, argument: string): EphemeralReply {
  const m = messages(request.locale).budget;
  const money = (minor: number) => formatMoney(minor, deps.company.currency, request.locale);
  if (argument) {
    const amount = parseMoney(argument, currencyDecimals(deps.company.currency));
    setPurchasingBudget(deps.db, deps.clock, { amount, actor: request.userId });
    return { text: m.set({ budget: money(amount) }) };
  }
  const spent = money(purchasingSpendThisMonth(deps.db, todayIn(deps.company.timeZone, deps.clock.now())));
  const budget = readPurchasingBudget(deps.db);
  return {
    text: `${budget === null ? m.notSet({ spent }) : m.show({ budget: money(budget), spent })}\n${m.usage}`,
  };
}
