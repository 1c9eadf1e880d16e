import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  companySettings,
  goodsReceiptLines,
  goodsReceipts,
  outboxEvents,
  roleAssignments,
  suppliers,
} from "../../db/schema.ts";
import { decideApproval } from "../../src/domain/approvals/index.ts";
import { createPurchaseOrder, movePurchaseOrder } from "../../src/domain/purchasing/purchase-orders.ts";
import { readPurchaseOrder } from "../../src/domain/purchasing/reads.ts";
import { readReceivableLines } from "../../src/domain/receiving/open-lines.ts";
import { type ReceiptLineInput, receiveGoods } from "../../src/domain/receiving/receive-goods.ts";
import type { Role } from "../../src/domain/roles.ts";
import { getItemStock } from "../../src/domain/stock/item-stock.ts";
import { receiveStock } from "../../src/domain/stock/moves.ts";
import { onOrderQty } from "../../src/domain/stock/on-order.ts";
import {
  createStockFixture,
  expectJxcError,
  inTransaction,
  openLayers,
  type StockFixture,
  snapshotStock,
  testContext,
  valuationOf,
} from "./fixtures/stock-fixture.ts";

const today = "2025-01-02";
let f: StockFixture;
let acme: number;

function grant(userId: string, role: Role): void {
  f.db.insert(roleAssignments).values({ userId, role, grantedBy: "UADMIN", grantedAt: 0 }).run();
}

/** A PO for 100 SKU-AVG @ 2.50 and 20 SKU-FIFO @ 10.00, approved and (unless told) sent. */
function sentPo(send = true): number {
  const created = createPurchaseOrder(f.db, f.clock, {
    supplierId: acme,
    lines: [
      { itemId: f.ids.avgItem, qty: 100, unitPrice: 250 },
      { itemId: f.ids.fifoItem, qty: 20, unitPrice: 1000 },
    ],
    expectedDay: "2025-01-10",
    currency: "CNY",
    userId: "UCLERK",
    today,
    submit: true,
  });
  decideApproval(f.db, f.clock, {
    requestId: created.id,
    tier: 1,
    userId: "UMGR",
    verdict: "approve",
    day: today,
  });
  if (send) movePurchaseOrder(f.db, f.clock, { id: created.id, action: "send", userId: "UCLERK", today });
  return created.id;
}

function receive(poId: number, lines: ReceiptLineInput[], userId = "UKEEPER") {
  return receiveGoods(f.db, f.clock, { purchaseOrderId: poId, lines, userId });
}

const all = (lineNo: number, qty: number, locationId: number): ReceiptLineInput => ({
  lineNo,
  received: qty,
  accepted: qty,
  rejected: 0,
  locationId,
});

function receiptRows() {
  return {
    receipts: f.db.select().from(goodsReceipts).all(),
    lines: f.db.select().from(goodsReceiptLines).all(),
    events: f.db.select().from(outboxEvents).all(),
  };
}

beforeEach(() => {
  f = createStockFixture();
  acme = f.db
    .insert(suppliers)
    .values({ code: "ACME", name: "Acme Ltd", paymentTermsDays: 45, updatedAt: 0 })
    .returning()
    .get().id;
  grant("UCLERK", "purchasing_clerk");
  grant("UMGR", "purchasing_manager");
  grant("UKEEPER", "warehouse_keeper");
  grant("USUP", "warehouse_supervisor");
});

describe("receiving goods against a PO", () => {
  it("a partial receipt with a rejection: accepted stock in at the PO price, the rest pending return, PO partly received", () => {
    const poId = sentPo();
    const gr = receive(poId, [
      {
        lineNo: 1,
        received: 100,
        accepted: 80,
        rejected: 20,
        rejectReason: "damaged",
        locationId: f.ids.binA,
      },
    ]);
    expect(gr).toMatchObject({
      number: "GR-000001",
      poNumber: "PO-000001",
      poStatus: "partially_received",
      accepted: 80,
      rejected: 20,
      value: 20_000,
    });
    expect(valuationOf(f.db, f.ids.avgItem)).toEqual({ qty: 80, value: 20_000 });
    expect(getItemStock(f.db, f.ids.avgItem)).toMatchObject({ onHand: 80, averageUnitCost: 250 });
    const [line] = f.db.select().from(goodsReceiptLines).all();
    expect(line).toMatchObject({
      received: 100,
      accepted: 80,
      rejected: 20,
      rejectReason: "damaged",
      supplierReturn: "pending",
      locationId: f.ids.binA,
    });
    // The rejected 20 are still owed by the supplier, and all 20 of line 2.
    expect(onOrderQty(f.db, f.ids.avgItem)).toBe(20);
    expect(onOrderQty(f.db, f.ids.fifoItem)).toBe(20);
    const event = f.db.select().from(outboxEvents).where(eq(outboxEvents.type, "po.received")).get();
    expect(event).toMatchObject({ docType: "purchase_order", docId: poId, actor: "UKEEPER" });
    expect(event?.payload).toMatchObject({
      receipt: "GR-000001",
      to: "partially_received",
      owner: "UCLERK",
      accepted: 80,
      rejected: 20,
    });
  });

  it("the last receipt makes the PO received and nothing stays on order", () => {
    const poId = sentPo();
    receive(poId, [all(1, 60, f.ids.binA)]);
    const gr = receive(poId, [all(1, 40, f.ids.binB), all(2, 20, f.ids.binA)]);
    expect(gr).toMatchObject({ number: "GR-000002", poStatus: "received" });
    expect(readPurchaseOrder(f.db, poId)?.status).toBe("received");
    expect(onOrderQty(f.db, f.ids.avgItem)).toBe(0);
    expect(readReceivableLines(f.db, poId).map((l) => l.open)).toEqual([0, 0]);
  });

  it("costs at the PO price through the engine: moving average blends, FIFO gets a layer", () => {
    inTransaction(f.db, (tx) => {
      receiveStock(tx, testContext(), {
        itemId: f.ids.avgItem,
        locationId: f.ids.binA,
        qty: 100,
        unitCost: 200,
      });
      receiveStock(tx, testContext(), {
        itemId: f.ids.fifoItem,
        locationId: f.ids.binA,
        qty: 10,
        unitCost: 900,
      });
    });
    const poId = sentPo();
    receive(poId, [all(1, 100, f.ids.binA), all(2, 20, f.ids.binB)]);
    expect(valuationOf(f.db, f.ids.avgItem)).toEqual({ qty: 200, value: 45_000 });
    expect(getItemStock(f.db, f.ids.avgItem).averageUnitCost).toBe(225);
    expect(openLayers(f.db, f.ids.fifoItem)).toEqual([
      { qty: 10, value: 9_000 },
      { qty: 20, value: 20_000 },
    ]);
  });

  it("posts an over-receipt within the 5% tolerance; one above it waits for approval and moves no stock", () => {
    const poId = sentPo();
    expect(receive(poId, [all(1, 105, f.ids.binA)])).toMatchObject({
      status: "posted",
      poStatus: "partially_received",
    });
    const stock = snapshotStock(f.db).moves;
    expect(receive(poId, [all(1, 1, f.ids.binA)])).toMatchObject({
      status: "pending_approval",
      approverRoles: ["warehouse_supervisor"],
      poStatus: "partially_received",
      value: 0,
    });
    expect(snapshotStock(f.db).moves).toEqual(stock);
    expect(valuationOf(f.db, f.ids.avgItem)).toEqual({ qty: 105, value: 26_250 });
  });

  it("follows the company tolerance setting", () => {
    f.db
      .insert(companySettings)
      .values({ key: "receipt_tolerance_pct", value: 0, updatedBy: "U", updatedAt: 0 })
      .run();
    // Two POs: while the first receipt waits, its PO takes no other (see over-receipt.test.ts).
    const [first, second] = [sentPo(), sentPo()];
    expect(receive(first, [all(1, 101, f.ids.binA)]).status).toBe("pending_approval");
    expect(receive(second, [all(1, 100, f.ids.binA)]).status).toBe("posted");
  });

  it("refuses bad input beside its field, writing nothing", () => {
    const poId = sentPo();
    const before = { ...snapshotStock(f.db), ...receiptRows() };
    const cases: [ReceiptLineInput, string, string][] = [
      [
        {
          lineNo: 1,
          received: 10,
          accepted: 8,
          rejected: 1,
          locationId: f.ids.binA,
          rejectReason: "quality",
        },
        "INVALID_QUANTITY",
        "line1_accepted",
      ],
      [
        { lineNo: 1, received: 10, accepted: 8, rejected: 2, locationId: f.ids.binA },
        "INVALID_INPUT",
        "line1_reason",
      ],
      [
        { lineNo: 1, received: 0, accepted: 0, rejected: 0, locationId: f.ids.binA },
        "INVALID_QUANTITY",
        "line1_received",
      ],
      [
        { lineNo: 1, received: -5, accepted: -5, rejected: 0, locationId: f.ids.binA },
        "INVALID_QUANTITY",
        "line1_received",
      ],
      [{ lineNo: 2, received: 5, accepted: 5, rejected: 0 }, "INVALID_INPUT", "line2_bin"],
      [
        { lineNo: 2, received: 5, accepted: 5, rejected: 0, locationId: 9999 },
        "UNKNOWN_LOCATION",
        "line2_bin",
      ],
      [
        { lineNo: 7, received: 5, accepted: 5, rejected: 0, locationId: f.ids.binA },
        "INVALID_INPUT",
        "line7_received",
      ],
    ];
    for (const [line, code, field] of cases) {
      const error = expectJxcError(() => receive(poId, [line]), code as "INVALID_INPUT");
      expect(error.field).toBe(field);
    }
    expect({ ...snapshotStock(f.db), ...receiptRows() }).toEqual(before);
  });

  it("a fully rejected line moves no stock and keeps everything open", () => {
    const poId = sentPo();
    const gr = receive(poId, [
      { lineNo: 2, received: 20, accepted: 0, rejected: 20, rejectReason: "wrong_spec" },
    ]);
    expect(gr).toMatchObject({ accepted: 0, rejected: 20, value: 0, poStatus: "partially_received" });
    expect(valuationOf(f.db, f.ids.fifoItem)).toEqual({ qty: 0, value: 0 });
    expect(onOrderQty(f.db, f.ids.fifoItem)).toBe(20);
  });

  it("refuses POs not sent, closed or cancelled, and people without a warehouse role", () => {
    const approved = sentPo(false);
    expectJxcError(() => receive(approved, [all(1, 1, f.ids.binA)]), "ILLEGAL_TRANSITION", {
      status: "approved",
    });
    const cancelled = sentPo();
    movePurchaseOrder(f.db, f.clock, { id: cancelled, action: "cancel", userId: "UMGR", today });
    expectJxcError(() => receive(cancelled, [all(1, 1, f.ids.binA)]), "ILLEGAL_TRANSITION", {
      status: "cancelled",
    });
    const sent = sentPo();
    expectJxcError(() => receive(sent, [all(1, 1, f.ids.binA)], "UCLERK"), "NOT_ALLOWED");
    expect(receive(sent, [all(1, 1, f.ids.binA)], "USUP").poStatus).toBe("partially_received");
  });
});
