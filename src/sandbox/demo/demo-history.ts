// Plays the demo company's past (demo-orders.ts) into the database: stock issued day by day and
// a few purchase orders with their receipts, some late and one with a rejection. Everything goes
// through the domain operations a user's clicks would run.
import { randomUUID } from "node:crypto";
import type { Db } from "../../../db/client.ts";
import { decideApproval } from "../../domain/approvals/index.ts";
import { writeAudit } from "../../domain/audit.ts";
import { findItemBySkuOrBarcode } from "../../domain/catalogue/items.ts";
import { findLocation, findWarehouse } from "../../domain/catalogue/places.ts";
import { findSupplierByCode } from "../../domain/catalogue/suppliers.ts";
import { fixedClock } from "../../domain/clock.ts";
import { currencyDecimals, parseMoney } from "../../domain/money.ts";
import { createPurchaseOrder, movePurchaseOrder } from "../../domain/purchasing/purchase-orders.ts";
import { dayStartIn } from "../../domain/purchasing/scorecard.ts";
import { receiveGoods } from "../../domain/receiving/receive-goods.ts";
import { issueStock } from "../../domain/stock/index.ts";
import { shareStatements } from "../../domain/stock/statements.ts";
import { addDays, todayIn } from "../../text/calendar.ts";
import { type DemoIssue, demoOrders, historyDays } from "./demo-orders.ts";
import { demoUserWithRole } from "./demo-people.ts";

export { demoIssues, historyDays, historyOpeningExtra } from "./demo-orders.ts";

const hour = 3_600_000;

type Event = { at: number; run: () => void };

/**
 * Plays the history forward from its start: each day's issues in one transaction with one audit
 * row, and each PO written by the clerk, approved by the manager, sent, received by the keeper
 * and, some of them, closed, each at its own moment of the past.
 */
export function loadDemoHistory(
  db: Db,
  now: number,
  options: { timeZone: string; currency: string; issues: readonly DemoIssue[] },
): void {
  const clerk = demoUserWithRole("purchasing_clerk").id;
  const manager = demoUserWithRole("purchasing_manager").id;
  const keeper = demoUserWithRole("warehouse_keeper").id;
  const { timeZone } = options;
  const today = todayIn(timeZone, now);
  const moment = (daysAgo: number, time: string) => {
    const [h = 0, m = 0] = time.split(":").map(Number);
    return dayStartIn(timeZone, addDays(today, -daysAgo)) + h * hour + (m * hour) / 60;
  };
  const clock = fixedClock(moment(historyDays, "08:00"));
  const dayOf = (at: number) => todayIn(timeZone, at);
  const ids = new Map<string, number>();
  const itemId = (sku: string) => {
    const id = ids.get(sku) ?? findItemBySkuOrBarcode(db, sku)?.id;
    if (id === undefined) throw new Error(`demo history names an unknown item ${sku}`);
    ids.set(sku, id);
    return id;
  };
  const bins = new Map<string, number>();
  const binId = (warehouse: string, bin: string) => {
    const key = `${warehouse}/${bin}`;
    let id = bins.get(key);
    if (id === undefined) {
      const found = findLocation(db, findWarehouse(db, warehouse)?.id ?? 0, bin)?.id;
      if (found === undefined) throw new Error(`demo history names an unknown bin ${key}`);
      id = found;
      bins.set(key, id);
    }
    return id;
  };
  const decimals = currencyDecimals(options.currency);
  const events: Event[] = [];

  const byDay = new Map<number, DemoIssue[]>();
  for (const issue of options.issues) byDay.set(issue.daysAgo, [...(byDay.get(issue.daysAgo) ?? []), issue]);
  for (const [daysAgo, lines] of byDay) {
    const at = moment(daysAgo, "16:00");
    events.push({
      at,
      run: () =>
        db.transaction((tx) => {
          // 180 days' transactions reuse the connection's prepared statements.
          shareStatements(db, tx);
          const ctx = { userId: keeper, at, batchId: randomUUID(), note: "demo sales" };
          for (const line of lines) {
            issueStock(tx, ctx, {
              itemId: itemId(line.sku),
              locationId: binId(line.warehouse, line.bin),
              qty: line.qty,
            });
          }
          writeAudit(tx, {
            actor: keeper,
            action: "stock.issue",
            entity: "stock",
            entityId: `issues ${dayOf(at)}`,
            after: { lines: lines.length, qty: lines.reduce((sum, line) => sum + line.qty, 0) },
            at,
          });
        }),
    });
  }

  for (const order of demoOrders) {
    let poId = 0;
    const written = moment(order.createdDaysAgo, "09:00");
    events.push({
      at: written,
      run: () => {
        const supplier = findSupplierByCode(db, order.supplier);
        if (!supplier) throw new Error(`demo history names an unknown supplier ${order.supplier}`);
        const day = dayOf(written);
        const created = createPurchaseOrder(db, clock, {
          supplierId: supplier.id,
          lines: order.lines.map(([sku, qty, price]) => ({
            itemId: itemId(sku),
            qty,
            unitPrice: parseMoney(price, decimals),
          })),
          expectedDay: addDays(day, order.leadDays),
          currency: options.currency,
          userId: clerk,
          today: day,
          submit: true,
          timeZone,
        });
        poId = created.id;
        clock.set(written + hour / 2);
        const request = db.$client
          .prepare("select id from approval_requests where doc_type = 'purchase_order' and doc_id = ?")
          .pluck()
          .get(poId) as number;
        decideApproval(db, clock, { requestId: request, tier: 1, userId: manager, verdict: "approve", day });
        clock.set(written + hour);
        movePurchaseOrder(db, clock, { id: poId, action: "send", userId: clerk, today: day });
      },
    });
    for (const receipt of order.receipts) {
      events.push({
        at: moment(receipt.daysAgo, receipt.time),
        run: () =>
          receiveGoods(db, clock, {
            purchaseOrderId: poId,
            userId: keeper,
            lines: receipt.lines.map(([lineNo, received, accepted]) => {
              const [sku = ""] = order.lines[lineNo - 1] ?? [];
              const place = findBinOf(options.issues, sku);
              return {
                lineNo,
                received,
                accepted,
                rejected: received - accepted,
                ...(received > accepted ? { rejectReason: "damaged" as const } : {}),
                locationId: binId(place.warehouse, place.bin),
              };
            }),
          }),
      });
    }
    if (order.closedDaysAgo !== undefined) {
      const at = moment(order.closedDaysAgo, "11:00");
      events.push({
        at,
        run: () =>
          movePurchaseOrder(db, clock, { id: poId, action: "close", userId: manager, today: dayOf(at) }),
      });
    }
  }

  events.sort((a, b) => a.at - b.at);
  for (const event of events) {
    clock.set(event.at);
    event.run();
  }
}

function findBinOf(issues: readonly DemoIssue[], sku: string): { warehouse: string; bin: string } {
  const issue = issues.find((candidate) => candidate.sku === sku);
  if (!issue) throw new Error(`demo history receives ${sku}, which it never issues`);
  return issue;
}
