import type { Permission } from "../src/domain/permissions.ts";
import type { Catalog } from "../src/i18n/en.ts";

/** One line of /jxc help: how to type it, which message explains it, and who may use it. */
export interface HelpEntry {
  usage: string;
  summary: keyof Catalog["commands"];
  /** Absent: anyone in the workspace. */
  permission?: Permission;
}

/** Everything a user can type, in the order help shows it. */
export const helpEntries: readonly HelpEntry[] = [
  { usage: "/stock <sku | barcode | name> [@warehouse]", summary: "stock", permission: "stock.view" },
  {
    usage: "/adjust <sku> <±qty> <warehouse>/<bin> <reason> [note]",
    summary: "adjust",
    permission: "stock.adjust",
  },
  { usage: "/move <sku> <qty> <warehouse>/<bin> to <bin>", summary: "move", permission: "stock.move" },
  { usage: "/approve", summary: "approve", permission: "approvals.view" },
  {
    usage: "/po · /po <supplier> <qty> <sku> @ <price>, … by <date>",
    summary: "po",
    permission: "po.create",
  },
  { usage: "/po plan [<supplier>] [<days>] [season]", summary: "po plan", permission: "po.plan" },
  { usage: "/po plan settings", summary: "po plan settings", permission: "po.plan" },
  { usage: "/po PO-000001", summary: "po show", permission: "po.view" },
  { usage: "/receive PO-000001 [all [<warehouse>/<bin>]]", summary: "receive", permission: "po.receive" },
  {
    usage: "/count · /count start <warehouse> [zone <zone> | <warehouse>/<bin> … | <sku> …]",
    summary: "count",
    permission: "stock.count",
  },
  { usage: "/count CNT-000001 [<bin>] · finish · cancel", summary: "count work", permission: "stock.count" },
  { usage: "/supplier <code | name>", summary: "supplier", permission: "supplier.view" },
  {
    usage: "/supplier add · edit <code> · archive <code>",
    summary: "supplier edit",
    permission: "supplier.edit",
  },
  { usage: "/supplier items <code>", summary: "supplier items", permission: "supplier.view" },
  { usage: "/supplier score <code> [period]", summary: "supplier score", permission: "supplier.score" },
  { usage: "/jxc roles", summary: "jxc roles", permission: "roles.view" },
  { usage: "/jxc role @user add|remove <role>", summary: "jxc role", permission: "roles.manage" },
  {
    usage: "/jxc import items|stock|suppliers|customers|bins|supplier_items",
    summary: "jxc import",
    permission: "catalogue.import",
  },
  { usage: "/jxc check", summary: "jxc check", permission: "stock.check" },
  { usage: "/jxc policy", summary: "jxc policy", permission: "approvals.policy" },
  { usage: "/jxc budget <amount>", summary: "jxc budget", permission: "budget.manage" },
  { usage: "/jxc delegate @user <dates>", summary: "jxc delegate", permission: "approvals.view" },
  { usage: "/jxc channel", summary: "jxc channel", permission: "channels.view" },
  { usage: "/jxc channel <department> #channel", summary: "jxc channel set", permission: "channels.manage" },
  { usage: "/jxc route [<event-type>]", summary: "jxc route", permission: "routing.view" },
  {
    usage: "/jxc route <event-type> add|remove <target> · reset",
    summary: "jxc route edit",
    permission: "routing.manage",
  },
  { usage: "/jxc outbox", summary: "jxc outbox", permission: "outbox.manage" },
  { usage: "/jxc lowstock", summary: "jxc lowstock", permission: "lowstock.view" },
  { usage: "/jxc lowstock digest on|off", summary: "jxc lowstock digest", permission: "lowstock.manage" },
  { usage: "/jxc slotting [<warehouse>]", summary: "jxc slotting", permission: "stock.slotting" },
  { usage: "/jxc help", summary: "jxc help" },
  { usage: "/jxc lang en|zh", summary: "jxc lang" },
];
