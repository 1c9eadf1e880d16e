import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { goodsReceiptLines, outboxEvents, rejectDecisions, stockMoves } from "../../db/schema.ts";
import { readPlanFacts } from "../../src/domain/purchasing/plan.ts";
import { movePurchaseOrder } from "../../src/domain/purchasing/purchase-orders.ts";
import { readPurchaseOrder } from "../../src/domain/purchasing/reads.ts";
import { readReceivableLines } from "../../src/domain/receiving/open-lines.ts";
import { decideRejectedGoods, type RejectDecisionInput } from "../../src/domain/returns/decide-rejects.ts";
import { readRejectedLines } from "../../src/domain/returns/read-rejects.ts";
import { receiveStock } from "../../src/domain/stock/moves.ts";
import { onOrderQty } from "../../src/domain/stock/on-order.ts";
import { all, createReceivingFixture, type ReceivingFixture, today } from "./fixtures/receiving-fixture.ts";
import {
  expectJxcError,
  inTransaction,
  openLayers,
  snapshotStock,
  testContext,
  valuationOf,
} from "./fixtures/stock-fixture.ts";

let f: ReceivingFixture;

/** A sent PO and a receipt of line 1 with 80 accepted into A-01 and 20 rejected as damaged. */
function receivedWithRejects(): { poId: number; receiptId: number; lineId: number } {
  const poId = f.sentPo();
  const gr = f.receive(poId, [
    { lineNo: 1, received: 100, accepted: 80, rejected: 20, rejectReason: "damaged", locationId: f.ids.binA },
  ]);
  const line = readRejectedLines(f.db, gr.id)[0];
  if (!line) throw new Error("no rejected line");
  return { poId, receiptId: gr.id, lineId: line.goodsReceiptLineId };
}

const decide = (
  lineId: number,
  input: Partial<RejectDecisionInput> & Pick<RejectDecisionInput, "decision">,
) => decideRejectedGoods(f.db, f.clock, { goodsReceiptLineId: lineId, qty: 20, userId: "UCLERK", ...input });

/** "Still owed" as each of its three readers sees it, for one item. */
function owedEverywhere(poId: number, itemId: number) {
  const facts = readPlanFacts(f.db, { from: 0, to: f.clock.now() + 1 }, { itemId })[0];
  return {
    stock: onOrderQty(f.db, itemId),
    plan: facts?.onOrder ?? 0,
    receiving: readReceivableLines(f.db, poId).find((l) => l.itemId === itemId)?.open,
  };
}

const poStatus = (poId: number) => readPurchaseOrder(f.db, poId)?.status;

const written = () => ({
  ...snapshotStock(f.db),
  decisions: f.db.select().from(rejectDecisions).all(),
  lines: f.db.select().from(goodsReceiptLines).all(),
  events: f.db.select().from(outboxEvents).all(),
});

beforeEach(() => {
  f = createReceivingFixture();
});

describe("rejected goods: return, replace or accept anyway", () => {
  it("return: an RTN document, no longer owed in /stock, the plan and receiving alike", () => {
    const { poId, lineId } = receivedWithRejects();
    expect(owedEverywhere(poId, f.ids.avgItem)).toEqual({ stock: 20, plan: 20, receiving: 20 });
    const done = decide(lineId, { decision: "return" });
    expect(done).toMatchObject({
      number: "RTN-000001",
      decision: "return",
      qty: 20,
      poStatus: "partially_received",
      undecided: 0,
      value: 0,
    });
    expect(owedEverywhere(poId, f.ids.avgItem)).toEqual({ stock: 0, plan: 0, receiving: 0 });
    // Returned goods never were in stock: nothing moves.
    expect(valuationOf(f.db, f.ids.avgItem)).toEqual({ qty: 80, value: 20_000 });
    expect(f.db.select().from(goodsReceiptLines).get()?.supplierReturn).toBe("decided");
    const event = f.db.select().from(outboxEvents).where(eq(outboxEvents.type, "receipt.decided")).get();
    expect(event).toMatchObject({ actor: "UCLERK", docType: "purchase_order", docId: poId });
    expect(event?.payload).toMatchObject({ decision: "return", owner: "UCLERK", receiver: "UKEEPER" });
    // Line 2 still owes 20: the last receipt makes the PO received although line 1 got only 80.
    expect(f.receive(poId, [all(2, 20, f.ids.binB)]).poStatus).toBe("received");
  });

  it("return: a PO whose every line is accepted or returned becomes received by the decision", () => {
    const { poId, lineId } = receivedWithRejects();
    f.receive(poId, [all(2, 20, f.ids.binB)]);
    expect(poStatus(poId)).toBe("partially_received");
    expect(decide(lineId, { decision: "return" }).poStatus).toBe("received");
    expect(poStatus(poId)).toBe("received");
    expect(owedEverywhere(poId, f.ids.fifoItem)).toEqual({ stock: 0, plan: 0, receiving: 0 });
  });

  it("replace: an RTN document, still owed, and a later receipt accepts the replacement", () => {
    const { poId, lineId } = receivedWithRejects();
    f.receive(poId, [all(2, 20, f.ids.binB)]);
    const done = decide(lineId, { decision: "replace" });
    expect(done).toMatchObject({ number: "RTN-000001", decision: "replace", poStatus: "partially_received" });
    expect(owedEverywhere(poId, f.ids.avgItem)).toEqual({ stock: 20, plan: 20, receiving: 20 });
    expect(f.receive(poId, [all(1, 20, f.ids.binA)]).poStatus).toBe("received");
    expect(owedEverywhere(poId, f.ids.avgItem)).toEqual({ stock: 0, plan: 0, receiving: 0 });
    expect(valuationOf(f.db, f.ids.avgItem)).toEqual({ qty: 100, value: 25_000 });
  });

  it("accept anyway, moving average: in at the PO price, blended with the stock there was", () => {
    inTransaction(f.db, (tx) =>
      receiveStock(tx, testContext(), {
        itemId: f.ids.avgItem,
        locationId: f.ids.binB,
        qty: 100,
        unitCost: 200,
      }),
    );
    const { poId, receiptId, lineId } = receivedWithRejects();
    f.receive(poId, [all(2, 20, f.ids.binB)]);
    expect(valuationOf(f.db, f.ids.avgItem)).toEqual({ qty: 180, value: 40_000 });
    const done = decide(lineId, { decision: "accept", locationId: f.ids.binB });
    expect(done).toMatchObject({ number: null, value: 5_000, locationId: f.ids.binB, poStatus: "received" });
    expect(valuationOf(f.db, f.ids.avgItem)).toEqual({ qty: 200, value: 45_000 });
    const move = f.db
      .select()
      .from(stockMoves)
      .where(eq(stockMoves.id, Number(f.db.select().from(rejectDecisions).get()?.moveId)))
      .get();
    expect(move).toMatchObject({
      itemId: f.ids.avgItem,
      locationId: f.ids.binB,
      qty: 20,
      value: 5_000,
      reason: "receipt",
      docType: "goods_receipt",
      docId: receiptId,
      userId: "UCLERK",
    });
    expect(owedEverywhere(poId, f.ids.avgItem)).toEqual({ stock: 0, plan: 0, receiving: 0 });
  });

  it("accept anyway, FIFO: a new layer at the PO price, into the line's own bin by default", () => {
    inTransaction(f.db, (tx) =>
      receiveStock(tx, testContext(), {
        itemId: f.ids.fifoItem,
        locationId: f.ids.binA,
        qty: 10,
        unitCost: 900,
      }),
    );
    const poId = f.sentPo();
    const gr = f.receive(poId, [
      { lineNo: 2, received: 20, accepted: 15, rejected: 5, rejectReason: "quality", locationId: f.ids.binB },
    ]);
    const lineId = readRejectedLines(f.db, gr.id)[0]?.goodsReceiptLineId ?? 0;
    const done = decide(lineId, { decision: "accept", qty: 5 });
    expect(done).toMatchObject({ locationId: f.ids.binB, value: 5_000 });
    expect(openLayers(f.db, f.ids.fifoItem)).toEqual([
      { qty: 10, value: 9_000 },
      { qty: 15, value: 15_000 },
      { qty: 5, value: 5_000 },
    ]);
    expect(owedEverywhere(poId, f.ids.fifoItem)).toEqual({ stock: 0, plan: 0, receiving: 0 });
    expect(poStatus(poId)).toBe("partially_received");
  });

  it("part accepted, the rest returned: two decisions, then the line is settled", () => {
    const { poId, lineId } = receivedWithRejects();
    expect(decide(lineId, { decision: "accept", qty: 15, expectedUndecided: 20 }).undecided).toBe(5);
    expect(owedEverywhere(poId, f.ids.avgItem)).toEqual({ stock: 5, plan: 5, receiving: 5 });
    expect(f.db.select().from(goodsReceiptLines).get()?.supplierReturn).toBe("pending");
    expect(decide(lineId, { decision: "return", qty: 5, expectedUndecided: 5 })).toMatchObject({
      number: "RTN-000001",
      undecided: 0,
    });
    expect(f.db.select().from(goodsReceiptLines).get()?.supplierReturn).toBe("decided");
    expect(owedEverywhere(poId, f.ids.avgItem)).toEqual({ stock: 0, plan: 0, receiving: 0 });
    expect(valuationOf(f.db, f.ids.avgItem)).toEqual({ qty: 95, value: 23_750 });
    expect(readRejectedLines(f.db, 1)[0]?.decisions.map((d) => [d.decision, d.qty])).toEqual([
      ["accept", 15],
      ["return", 5],
    ]);
  });

  it("is idempotent: a second click, a stale message or too much writes nothing and says who decided", () => {
    const { lineId } = receivedWithRejects();
    decide(lineId, { decision: "return", expectedUndecided: 20, userId: "UMGR" });
    const before = written();
    expectJxcError(() => decide(lineId, { decision: "return", expectedUndecided: 20 }), "ALREADY_DECIDED", {
      by: "UMGR",
      decision: "return",
    });
    expectJxcError(() => decide(lineId, { decision: "accept", locationId: f.ids.binA }), "ALREADY_DECIDED");
    expect(written()).toEqual(before);

    const other = receivedWithRejects();
    decide(other.lineId, { decision: "accept", qty: 5, expectedUndecided: 20 });
    const partly = written();
    // The message still said 20 were waiting.
    expectJxcError(
      () => decide(other.lineId, { decision: "replace", expectedUndecided: 20 }),
      "REJECTS_LEFT",
      {
        left: 15,
      },
    );
    const tooMany = expectJxcError(
      () => decide(other.lineId, { decision: "return", qty: 16 }),
      "REJECTS_LEFT",
    );
    expect(tooMany.field).toBe("qty");
    expectJxcError(() => decide(other.lineId, { decision: "return", qty: 0 }), "INVALID_QUANTITY");
    expect(written()).toEqual(partly);
  });

  it("only purchasing decides, and bad input is refused beside its field", () => {
    const { lineId } = receivedWithRejects();
    const before = written();
    expectJxcError(() => decide(lineId, { decision: "return", userId: "UKEEPER" }), "NOT_ALLOWED");
    expectJxcError(() => decide(lineId, { decision: "return", userId: "USUP" }), "NOT_ALLOWED");
    const badBin = expectJxcError(
      () => decide(lineId, { decision: "accept", locationId: 9_999 }),
      "UNKNOWN_LOCATION",
    );
    expect(badBin.field).toBe("bin");
    expectJxcError(() => decide(9_999, { decision: "return" }), "STALE_ACTION");
    expect(written()).toEqual(before);
    // A line rejected in full has no bin of its own: accepting it needs one.
    const poId = f.sentPo();
    const gr = f.receive(poId, [
      { lineNo: 2, received: 20, accepted: 0, rejected: 20, rejectReason: "wrong_spec" },
    ]);
    const noBin = expectJxcError(
      () => decide(readRejectedLines(f.db, gr.id)[0]?.goodsReceiptLineId ?? 0, { decision: "accept" }),
      "INVALID_INPUT",
    );
    expect(noBin.field).toBe("bin");
    for (const userId of ["UMGR", "UADMIN"]) {
      const next = receivedWithRejects();
      expect(decide(next.lineId, { decision: "replace", userId }).decision).toBe("replace");
    }
  });

  it("over-delivered rejects: a replacement is refused when nothing is owed; accepting stays within the tolerance", () => {
    const poId = f.sentPo();
    const gr = f.receive(poId, [
      {
        lineNo: 1,
        received: 110,
        accepted: 100,
        rejected: 10,
        rejectReason: "damaged",
        locationId: f.ids.binA,
      },
    ]);
    const lineId = readRejectedLines(f.db, gr.id)[0]?.goodsReceiptLineId ?? 0;
    expectJxcError(() => decide(lineId, { decision: "replace", qty: 10 }), "REPLACEMENT_NOT_EXPECTED", {
      owed: 0,
    });
    const over = expectJxcError(() => decide(lineId, { decision: "accept", qty: 10 }), "OVER_RECEIPT", {
      most: 5,
      pct: 5,
    });
    expect(over.field).toBe("qty");
    expect(decide(lineId, { decision: "accept", qty: 5 }).undecided).toBe(5);
    expect(decide(lineId, { decision: "return", qty: 5 }).number).toBe("RTN-000001");
    expect(valuationOf(f.db, f.ids.avgItem)).toEqual({ qty: 105, value: 26_250 });
  });

  it("a closed PO takes no replacement, but its rejects can still go back or be accepted", () => {
    const { poId, lineId } = receivedWithRejects();
    movePurchaseOrder(f.db, f.clock, { id: poId, action: "close", userId: "UMGR", today });
    expectJxcError(() => decide(lineId, { decision: "replace" }), "REPLACEMENT_NOT_EXPECTED", { owed: 0 });
    expect(decide(lineId, { decision: "return" }).poStatus).toBe("closed");
  });

  it("a PO on hold resumes to received once its rejects are settled", () => {
    const { poId, lineId } = receivedWithRejects();
    f.receive(poId, [all(2, 20, f.ids.binB)]);
    // Partly received (line 1 owes its 20 rejects): a manager holds it.
    movePurchaseOrder(f.db, f.clock, { id: poId, action: "hold", userId: "UMGR", today });
    expect(decide(lineId, { decision: "return" }).poStatus).toBe("on_hold");
    movePurchaseOrder(f.db, f.clock, { id: poId, action: "resume", userId: "UMGR", today });
    expect(poStatus(poId)).toBe("received");
  });

  it("rejects of a receipt still waiting for approval cannot be decided yet", () => {
    const poId = f.sentPo();
    const gr = f.receive(poId, [
      {
        lineNo: 1,
        received: 130,
        accepted: 120,
        rejected: 10,
        rejectReason: "damaged",
        locationId: f.ids.binA,
      },
    ]);
    expect(gr.status).toBe("pending_approval");
    const lineId = f.db.select().from(goodsReceiptLines).get()?.id ?? 0;
    expectJxcError(() => decide(lineId, { decision: "return", qty: 10 }), "STALE_ACTION");
  });
});
