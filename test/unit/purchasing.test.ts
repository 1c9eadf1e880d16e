import { beforeEach, describe, expect, it } from "vitest";
import {
  auditLog,
  outboxEvents,
  purchaseOrderLines,
  purchaseOrders,
  roleAssignments,
  suppliers,
} from "../../db/schema.ts";
import { decideApproval, readApproval } from "../../src/domain/approvals/index.ts";
import {
  createPurchaseOrder,
  movePurchaseOrder,
  type PurchaseOrderInput,
  replacePurchaseOrderLines,
} from "../../src/domain/purchasing/purchase-orders.ts";
import {
  lastPurchasePrice,
  purchasingSpendThisMonth,
  readPurchaseOrder,
} from "../../src/domain/purchasing/reads.ts";
import { setPurchasingBudget } from "../../src/domain/purchasing/settings.ts";
import {
  nextStatus,
  type PurchaseOrderAction,
  type PurchaseOrderStatus,
  purchaseOrderActions,
  purchaseOrderTransitions,
} from "../../src/domain/purchasing/states.ts";
import { readReceivableLines } from "../../src/domain/receiving/open-lines.ts";
import { receiveGoods } from "../../src/domain/receiving/receive-goods.ts";
import type { Role } from "../../src/domain/roles.ts";
import { onOrderQty } from "../../src/domain/stock/on-order.ts";
import { createStockFixture, expectJxcError, type StockFixture } from "./fixtures/stock-fixture.ts";

const today = "2025-01-02";
let f: StockFixture;
let acme: number;

function grant(userId: string, role: Role): void {
  f.db.insert(roleAssignments).values({ userId, role, grantedBy: "UADMIN", grantedAt: 0 }).run();
}

function po(overrides: Partial<PurchaseOrderInput> = {}) {
  return createPurchaseOrder(f.db, f.clock, {
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
    ...overrides,
  });
}

function approve(requestId: number, userId = "UMGR") {
  return decideApproval(f.db, f.clock, { requestId, tier: 1, userId, verdict: "approve", day: today });
}

function move(id: number, action: Parameters<typeof movePurchaseOrder>[2]["action"], userId = "UMGR") {
  return movePurchaseOrder(f.db, f.clock, { id, action, userId, today });
}

/** The receiving moves happen only with a goods receipt: one unit of the first open line, or all that is open. */
function receive(id: number, action: "receive_part" | "receive_all") {
  const lines = readReceivableLines(f.db, id);
  const open = lines.filter((line) => line.open > 0);
  // Nothing left to receive: try one more unit anyway, which the PO's status must refuse.
  const chosen =
    action === "receive_all" && open.length > 0
      ? open
      : (open.length > 0 ? open : lines).slice(0, 1).map((line) => ({ ...line, open: 1 }));
  return receiveGoods(f.db, f.clock, {
    purchaseOrderId: id,
    userId: "UKEEPER",
    lines: chosen.map((line) => ({
      lineNo: line.lineNo,
      received: line.open,
      accepted: line.open,
      rejected: 0,
      locationId: f.ids.binA,
    })),
  });
}

/** A user's move, or a goods receipt for the receiving moves. */
function act(id: number, action: PurchaseOrderAction, userId: string) {
  if (action === "receive_part" || action === "receive_all") {
    const posted = receive(id, action);
    return { status: posted.poStatus };
  }
  return move(id, action as "send", userId);
}

function statusOf(id: number): PurchaseOrderStatus | undefined {
  return readPurchaseOrder(f.db, id)?.status;
}

/** Puts a fresh PO into `status` by the real moves (receiving ones by a warehouse keeper). */
function poIn(status: PurchaseOrderStatus): number {
  const created = po({ submit: status !== "draft" });
  if (status === "draft" || status === "pending_approval") return created.id;
  approve(created.id);
  const paths: Record<string, [string, string][]> = {
    approved: [],
    sent: [["send", "UCLERK"]],
    partially_received: [
      ["send", "UCLERK"],
      ["receive_part", "UKEEPER"],
    ],
    received: [
      ["send", "UCLERK"],
      ["receive_all", "UKEEPER"],
    ],
    closed: [
      ["send", "UCLERK"],
      ["receive_all", "UKEEPER"],
      ["close", "UMGR"],
    ],
    on_hold: [["hold", "UMGR"]],
    cancelled: [["cancel", "UMGR"]],
  };
  for (const [action, user] of paths[status] ?? []) {
    act(created.id, action as PurchaseOrderAction, user);
  }
  expect(statusOf(created.id)).toBe(status);
  return created.id;
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
  grant("UFIN", "finance_supervisor");
  grant("UKEEPER", "warehouse_keeper");
  grant("USALES", "salesperson");
});

describe("creating and submitting a PO", () => {
  it("numbers it, derives the total from the lines, takes the supplier's terms and waits for the manager", () => {
    const created = po();
    expect(created).toMatchObject({ number: "PO-000001", status: "pending_approval", total: 45_000 });
    expect(created.approverRoles).toEqual(["purchasing_manager"]);
    const view = readPurchaseOrder(f.db, "po-000001");
    expect(view?.paymentTermsDays).toBe(45);
    expect(view?.lines.map((l) => l.amount)).toEqual([25_000, 20_000]);
    const events = f.db
      .select({ type: outboxEvents.type })
      .from(outboxEvents)
      .all()
      .map((e) => e.type);
    expect(events).toEqual(["po.created", "approval.requested", "approval.step_opened"]);
    expect(onOrderQty(f.db, f.ids.avgItem)).toBe(0);
  });

  it("needs the finance supervisor too from 50,000.00", () => {
    const created = po({ lines: [{ itemId: f.ids.avgItem, qty: 1000, unitPrice: 5000 }] });
    expect(created.approverRoles).toEqual(["purchasing_manager", "finance_supervisor"]);
  });

  it("is on order once approved, and counts towards this month's spend", () => {
    const created = po();
    expect(approve(created.id).requestStatus).toBe("approved");
    expect(statusOf(created.id)).toBe("approved");
    expect(onOrderQty(f.db, f.ids.avgItem)).toBe(100);
    expect(purchasingSpendThisMonth(f.db, today)).toBe(45_000);
    expect(purchasingSpendThisMonth(f.db, "2025-02-01")).toBe(0);
  });

  it("freezes the price check and the budget on the approval card", () => {
    const first = po();
    approve(first.id);
    setPurchasingBudget(f.db, f.clock, { amount: 100_000, actor: "UFIN" });
    const second = po({ lines: [{ itemId: f.ids.avgItem, qty: 10, unitPrice: 300 }] });
    const request = f.db.$client
      .prepare("select id from approval_requests where doc_id = ? and doc_type = 'purchase_order'")
      .get(second.id) as { id: number };
    const summary = readApproval(f.db, request.id)?.summary;
    expect(summary).toMatchObject({
      total: 3000,
      spendThisMonth: 45_000,
      budget: 100_000,
      priceAlertPct: 10,
      lines: [{ sku: "SKU-AVG", qty: 10, unitPrice: 300, lastPrice: 250 }],
    });
    expect(lastPurchasePrice(f.db, f.ids.avgItem, acme)).toMatchObject({
      unitPrice: 250,
      sameSupplier: true,
    });
  });

  it("goes back to draft when rejected, and is not on order", () => {
    const created = po();
    decideApproval(f.db, f.clock, {
      requestId: 1,
      tier: 1,
      userId: "UMGR",
      verdict: "reject",
      reason: "too dear",
      day: today,
    });
    expect(statusOf(created.id)).toBe("draft");
    expect(onOrderQty(f.db, f.ids.avgItem)).toBe(0);
    expect(move(created.id, "submit", "UCLERK").status).toBe("pending_approval");
  });

  const refusals: [string, Partial<PurchaseOrderInput>, string, string][] = [
    ["an unknown supplier", { supplierId: 999 }, "UNKNOWN_SUPPLIER", "supplier"],
    ["an empty PO", { lines: [] }, "INVALID_INPUT", "lines"],
    ["an unknown item", { lines: [{ itemId: 999, qty: 1, unitPrice: 1 }] }, "UNKNOWN_ITEM", "line1_item"],
    ["a zero quantity", { lines: [{ itemId: 1, qty: 0, unitPrice: 1 }] }, "INVALID_QUANTITY", "line1_qty"],
    [
      "a negative quantity",
      { lines: [{ itemId: 1, qty: -5, unitPrice: 1 }] },
      "INVALID_QUANTITY",
      "line1_qty",
    ],
    [
      "an absurd quantity",
      { lines: [{ itemId: 1, qty: 2e9, unitPrice: 1 }] },
      "INVALID_QUANTITY",
      "line1_qty",
    ],
    ["a zero price", { lines: [{ itemId: 1, qty: 1, unitPrice: 0 }] }, "INVALID_MONEY", "line1_price"],
    [
      "an absurd amount",
      { lines: [{ itemId: 1, qty: 1e9, unitPrice: 1e9 }] },
      "INVALID_MONEY",
      "line1_price",
    ],
    ["a day in the past", { expectedDay: "2025-01-01" }, "INVALID_INPUT", "expected"],
    ["absurd payment terms", { paymentTermsDays: 99999 }, "INVALID_INPUT", "payment"],
  ];
  for (const [what, overrides, code, field] of refusals) {
    it(`refuses ${what} beside its field and writes nothing`, () => {
      const error = expectJxcError(() => po(overrides), code as "INVALID_INPUT");
      expect(error.field).toBe(field);
      expect(f.db.select().from(purchaseOrders).all()).toEqual([]);
      expect(f.db.select().from(purchaseOrderLines).all()).toEqual([]);
      expect(f.db.select().from(outboxEvents).all()).toEqual([]);
      expect(f.db.select().from(auditLog).all()).toEqual([]);
    });
  }

  it("refuses an archived supplier", () => {
    f.db.update(suppliers).set({ archived: true }).run();
    expectJxcError(() => po(), "UNKNOWN_SUPPLIER");
  });
});

describe("the PO state machine", () => {
  const statuses = Object.keys(purchaseOrderTransitions) as PurchaseOrderStatus[];
  const userFor: Partial<Record<PurchaseOrderAction, string>> = {
    submit: "UCLERK",
    send: "UCLERK",
    receive_part: "UKEEPER",
    receive_all: "UKEEPER",
  };
  // approve and reject come only from the approval engine, receiving moves only with a goods
  // receipt; every move is tried from every state.
  const userActions = purchaseOrderActions.filter((a) => a !== "approve" && a !== "reject");

  for (const status of statuses) {
    for (const action of userActions) {
      const allowed = purchaseOrderTransitions[status][action] !== undefined;
      it(`${status} --${action}--> ${allowed ? "moves" : "is refused"}`, () => {
        const id = poIn(status);
        const user = userFor[action] ?? "UMGR";
        if (!allowed) {
          const before = readPurchaseOrder(f.db, id);
          expectJxcError(() => act(id, action, user), "ILLEGAL_TRANSITION", {
            status,
            action: action === "receive_all" ? "receive_part" : action,
          });
          expect(readPurchaseOrder(f.db, id)).toEqual(before);
          return;
        }
        const result = act(id, action, user);
        const expected = nextStatus({ number: "", status, heldFrom: "approved" }, action);
        expect(result.status).toBe(expected);
        expect(statusOf(id)).toBe(expected);
      });
    }
  }

  it("approve and reject only apply while pending", () => {
    for (const status of statuses) {
      for (const verdict of ["approve", "reject"] as const) {
        const allowed = status === "pending_approval";
        if (allowed) expect(nextStatus({ number: "", status, heldFrom: null }, verdict)).toBeTruthy();
        else
          expectJxcError(
            () => nextStatus({ number: "", status, heldFrom: null }, verdict),
            "ILLEGAL_TRANSITION",
          );
      }
    }
  });

  it("moves a PO to partly received or received only with a goods receipt", () => {
    const id = poIn("sent");
    for (const action of ["receive_part", "receive_all"] as const) {
      expectJxcError(() => move(id, action as "send", "UKEEPER"), "ILLEGAL_TRANSITION", { action });
    }
    expect(statusOf(id)).toBe("sent");
  });

  it("resumes a held PO to where it was", () => {
    const id = poIn("sent");
    move(id, "hold");
    expect(onOrderQty(f.db, f.ids.avgItem)).toBe(0);
    expect(move(id, "resume").status).toBe("sent");
    expect(onOrderQty(f.db, f.ids.avgItem)).toBe(100);
  });

  it("will not cancel a held PO that was partly received", () => {
    const id = poIn("partially_received");
    move(id, "hold");
    expectJxcError(() => move(id, "cancel"), "ILLEGAL_TRANSITION");
  });

  it("withdraws the approval request when a pending PO is cancelled", () => {
    const created = po();
    move(created.id, "cancel", "UCLERK");
    expect(readApproval(f.db, 1)?.status).toBe("cancelled");
    expectJxcError(() => approve(1), "STALE_ACTION");
  });

  it("checks who may move it: clerks send, only managers hold or close, others nothing", () => {
    const id = poIn("approved");
    expectJxcError(() => move(id, "hold", "UCLERK"), "NOT_ALLOWED");
    expectJxcError(() => move(id, "send", "USALES"), "NOT_ALLOWED");
    expectJxcError(() => move(id, "cancel", "UCLERK"), "NOT_ALLOWED");
    expect(move(id, "send", "UCLERK").status).toBe("sent");
  });

  it("lets the author cancel their own draft, not someone else's", () => {
    const id = poIn("draft");
    grant("UCLERK2", "purchasing_clerk");
    expectJxcError(() => move(id, "cancel", "UCLERK2"), "NOT_ALLOWED");
    expect(move(id, "cancel", "UCLERK").status).toBe("cancelled");
  });
});

describe("editing lines", () => {
  const newLines = [{ itemId: 1, qty: 5, unitPrice: 100 }];

  it("is allowed on a draft, and withdraws a pending approval back to draft", () => {
    const created = po();
    const result = replacePurchaseOrderLines(f.db, f.clock, {
      id: created.id,
      lines: newLines,
      userId: "UCLERK",
    });
    expect(result.status).toBe("draft");
    expect(readPurchaseOrder(f.db, created.id)?.total).toBe(500);
    expect(readApproval(f.db, 1)?.status).toBe("cancelled");
  });

  for (const status of ["approved", "sent", "on_hold", "closed", "cancelled"] as const) {
    it(`is refused once ${status}`, () => {
      const id = poIn(status);
      const before = readPurchaseOrder(f.db, id);
      expectJxcError(
        () => replacePurchaseOrderLines(f.db, f.clock, { id, lines: newLines, userId: "UMGR" }),
        "ILLEGAL_TRANSITION",
        { action: "edit" },
      );
      expect(readPurchaseOrder(f.db, id)).toEqual(before);
    });
  }
});
