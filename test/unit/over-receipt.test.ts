import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  approvalRequests,
  goodsReceiptLines,
  goodsReceipts,
  outboxEvents,
  stockMoves,
} from "../../db/schema.ts";
import { decideApproval, readApproval, setPolicy } from "../../src/domain/approvals/index.ts";
import { movePurchaseOrder } from "../../src/domain/purchasing/purchase-orders.ts";
import { readPurchaseOrder } from "../../src/domain/purchasing/reads.ts";
import { readReceivableLines } from "../../src/domain/receiving/open-lines.ts";
import { onOrderQty } from "../../src/domain/stock/on-order.ts";
import {
  all,
  createReceivingFixture,
  type ReceivingFixture,
  requestOf,
  today,
} from "./fixtures/receiving-fixture.ts";
import { expectJxcError, openLayers, snapshotStock, valuationOf } from "./fixtures/stock-fixture.ts";

let f: ReceivingFixture;

const decide = (receiptId: number, userId: string, verdict: "approve" | "reject", reason?: string) =>
  decideApproval(f.db, f.clock, {
    requestId: requestOf(f, "goods_receipt", receiptId),
    tier: 1,
    userId,
    verdict,
    day: today,
    ...(reason ? { reason } : {}),
  });

const receiptStatus = (id: number) =>
  f.db.select({ status: goodsReceipts.status }).from(goodsReceipts).where(eq(goodsReceipts.id, id)).get()
    ?.status;

const events = (type: string) =>
  f.db
    .select()
    .from(outboxEvents)
    .all()
    .filter((e) => e.type === type);

/** The ledger rows a receipt wrote, as comparable facts (ids and batches aside). */
const receiptMoves = (receiptId: number) =>
  f.db
    .select({
      itemId: stockMoves.itemId,
      locationId: stockMoves.locationId,
      qty: stockMoves.qty,
      value: stockMoves.value,
      reason: stockMoves.reason,
    })
    .from(stockMoves)
    .where(eq(stockMoves.docId, receiptId))
    .all();

beforeEach(() => {
  f = createReceivingFixture();
});

describe("receipts over the tolerance wait for the warehouse supervisor", () => {
  it("records the GR with nothing in stock and asks the supervisor, with how much over and by what %", () => {
    const poId = f.sentPo();
    const before = snapshotStock(f.db).moves;
    const gr = f.receive(poId, [
      {
        lineNo: 1,
        received: 130,
        accepted: 120,
        rejected: 10,
        rejectReason: "damaged",
        locationId: f.ids.binA,
      },
      all(2, 20, f.ids.binB),
    ]);
    expect(gr).toMatchObject({
      number: "GR-000001",
      status: "pending_approval",
      poStatus: "sent",
      approverRoles: ["warehouse_supervisor"],
      over: [{ sku: "SKU-AVG", ordered: 100, before: 0, accepted: 120, most: 105, place: "MAIN/A-01" }],
    });
    expect(snapshotStock(f.db).moves).toEqual(before);
    expect(readPurchaseOrder(f.db, poId)?.status).toBe("sent");
    // Nothing it holds counts yet: everything is still on order.
    expect(onOrderQty(f.db, f.ids.avgItem)).toBe(100);
    expect(readReceivableLines(f.db, poId).map((l) => l.open)).toEqual([100, 20]);
    const approval = readApproval(f.db, requestOf(f, "goods_receipt", gr.id));
    // The value beyond the order: 20 pcs at 2.50.
    expect(approval).toMatchObject({ docNumber: "GR-000001", amount: 5_000, requestedBy: "UKEEPER" });
    expect(approval?.summary).toMatchObject({ po: "PO-000001", tolerancePct: 5, within: 1 });
    expect(approval?.steps.map((s) => s.role)).toEqual(["warehouse_supervisor"]);
    expect(events("receipt.awaiting_approval")[0]?.payload).toMatchObject({
      receipt: "GR-000001",
      owner: "UCLERK",
    });
    expect(events("po.received")).toHaveLength(0);
  });

  it("approval posts it exactly as a receipt within the tolerance would, in the approving transaction", () => {
    const held = f.sentPo();
    const heldGr = f.receive(held, [all(1, 120, f.ids.binA), all(2, 20, f.ids.binB)]);
    const result = decide(heldGr.id, "USUP", "approve");
    expect(result.requestStatus).toBe("approved");
    expect(receiptStatus(heldGr.id)).toBe("posted");
    expect(readPurchaseOrder(f.db, held)?.status).toBe("received");
    expect(onOrderQty(f.db, f.ids.avgItem)).toBe(0);
    expect(valuationOf(f.db, f.ids.avgItem)).toEqual({ qty: 120, value: 30_000 });
    expect(openLayers(f.db, f.ids.fifoItem)).toEqual([{ qty: 20, value: 20_000 }]);
    const lines = f.db.select().from(goodsReceiptLines).all();
    expect(lines.every((l) => l.moveId !== null)).toBe(true);
    const posted = events("po.received")[0];
    expect(posted).toMatchObject({ actor: "UKEEPER", docId: held });
    expect(posted?.payload).toMatchObject({
      receipt: "GR-000001",
      from: "sent",
      to: "received",
      owner: "UCLERK",
      approvedBy: "USUP",
      accepted: 140,
    });
    // The same receipt within a wider tolerance posts the same ledger rows at once.
    const direct = createReceivingFixture();
    direct.db.$client
      .prepare(
        "insert into company_settings (key, value, updated_by, updated_at) values ('receipt_tolerance_pct', 20, 'U', 0)",
      )
      .run();
    const directGr = direct.receive(direct.sentPo(), [all(1, 120, f.ids.binA), all(2, 20, f.ids.binB)]);
    expect(directGr.status).toBe("posted");
    const directMoves = direct.db
      .select({
        itemId: stockMoves.itemId,
        locationId: stockMoves.locationId,
        qty: stockMoves.qty,
        value: stockMoves.value,
        reason: stockMoves.reason,
      })
      .from(stockMoves)
      .where(eq(stockMoves.docId, directGr.id))
      .all();
    expect(receiptMoves(heldGr.id)).toEqual(directMoves);
  });

  it("the receiver cannot approve their own; a rejection refuses the goods and nothing moves", () => {
    const poId = f.sentPo();
    const gr = f.receive(poId, [all(1, 110, f.ids.binA)], "USUP");
    const before = snapshotStock(f.db);
    expectJxcError(() => decide(gr.id, "USUP", "approve"), "SELF_APPROVAL");
    expectJxcError(() => decide(gr.id, "UKEEPER", "approve"), "NOT_ALLOWED");
    expect(decide(gr.id, "USUP2", "reject", "driver brought 10 boxes too many").requestStatus).toBe(
      "rejected",
    );
    expect(receiptStatus(gr.id)).toBe("refused");
    const after = snapshotStock(f.db);
    expect(after.moves).toEqual(before.moves);
    expect(after.valuations).toEqual(before.valuations);
    expect(readPurchaseOrder(f.db, poId)?.status).toBe("sent");
    expect(onOrderQty(f.db, f.ids.avgItem)).toBe(100);
    expect(events("receipt.refused")[0]).toMatchObject({ actor: "USUP2", docType: "purchase_order" });
    expect(events("receipt.refused")[0]?.payload).toMatchObject({ receiver: "USUP", owner: "UCLERK" });
    // A second click changes nothing.
    expectJxcError(() => decide(gr.id, "USUP2", "approve"), "ALREADY_DECIDED");
    // The delivery can still be received within the tolerance.
    expect(f.receive(poId, [all(1, 100, f.ids.binA)]).status).toBe("posted");
  });

  it("a PO with a receipt waiting takes no other receipt until the supervisor decides it", () => {
    const poId = f.sentPo();
    const held = f.receive(poId, [all(1, 120, f.ids.binA)]);
    const before = { ...snapshotStock(f.db), receipts: f.db.select().from(goodsReceipts).all() };
    expectJxcError(
      () => f.receive(poId, [all(1, 100, f.ids.binA), all(2, 20, f.ids.binB)]),
      "RECEIPT_WAITING",
      {
        number: "PO-000001",
        receipt: "GR-000001",
        role: "warehouse_supervisor",
        // The receiver is a keeper: both supervisors may decide it.
        people: "USUP,USUP2",
        action: "receive",
      },
    );
    expect({ ...snapshotStock(f.db), receipts: f.db.select().from(goodsReceipts).all() }).toEqual(before);
    expect(decide(held.id, "USUP", "approve").requestStatus).toBe("approved");
    expect(readPurchaseOrder(f.db, poId)?.status).toBe("partially_received");
    // Decided: the PO takes receipts again.
    expect(f.receive(poId, [all(2, 20, f.ids.binB)]).status).toBe("posted");
    expect(readPurchaseOrder(f.db, poId)?.status).toBe("received");
  });

  it("the people named are the supervisors who may decide: not the receiver", () => {
    const poId = f.sentPo();
    f.receive(poId, [all(1, 120, f.ids.binA)], "USUP");
    expectJxcError(() => f.receive(poId, [all(2, 20, f.ids.binB)]), "RECEIPT_WAITING", { people: "USUP2" });
  });

  it("approval of a receipt whose PO was closed meanwhile says to reject it, deciding nothing", () => {
    const poId = f.sentPo();
    f.receive(poId, [all(2, 20, f.ids.binB)]);
    const held = f.receive(poId, [all(1, 120, f.ids.binA)]);
    movePurchaseOrder(f.db, f.clock, { id: poId, action: "close", userId: "UMGR", today });
    expectJxcError(() => decide(held.id, "USUP", "approve"), "RECEIPT_OVERTAKEN", {
      number: "PO-000001",
      status: "closed",
      receipt: "GR-000002",
    });
    expect(receiptStatus(held.id)).toBe("pending_approval");
    const request = f.db
      .select()
      .from(approvalRequests)
      .where(eq(approvalRequests.id, requestOf(f, "goods_receipt", held.id)))
      .get();
    expect(request?.status).toBe("pending");
    expect(decide(held.id, "USUP", "reject", "the PO is closed").requestStatus).toBe("rejected");
    expect(receiptStatus(held.id)).toBe("refused");
  });

  it("a policy whose threshold is above the excess value posts at once", () => {
    setPolicy(f.db, f.clock, {
      docType: "goods_receipt",
      tiers: [{ minAmount: 1_000_000, role: "warehouse_supervisor" }],
      actor: "UADMIN",
    });
    const poId = f.sentPo();
    const gr = f.receive(poId, [all(1, 120, f.ids.binA)]);
    expect(gr).toMatchObject({ status: "posted", poStatus: "partially_received", value: 30_000 });
    expect(
      f.db
        .select()
        .from(approvalRequests)
        .all()
        .map((r) => r.docType),
    ).toEqual(["purchase_order"]);
  });
});
