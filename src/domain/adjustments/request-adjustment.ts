import type { Db } from "../../../db/client.ts";
import { stockAdjustments } from "../../../db/schema.ts";
import { requestApproval } from "../approvals/request.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { nextDocumentNumber } from "../documents/numbering.ts";
import { JxcError } from "../errors.ts";
import type { Role } from "../roles.ts";
import { type AdjustReason, checkAdjustment } from "../stock/index.ts";
import { readLocationTotals } from "../stock/ledger.ts";
import { allowsNegativeStock, requireItem, requireLocation } from "../stock/lookups.ts";
import { shareStatements } from "../stock/statements.ts";
import { quoteIssueCost, valueAtCurrentCost } from "../stock/valuation.ts";
import { postAdjustmentDocument } from "./post.ts";
import { readAdjustment } from "./read-adjustment.ts";

/** A keeper's adjustment as typed: signed base quantity at one bin, with its reason. */
export interface AdjustmentRequest {
  itemId: number;
  locationId: number;
  qtyDelta: number;
  reason: AdjustReason;
  note?: string;
  userId: string;
}

/** The ADJ document and whether it posted at once or waits for the roles named. */
export interface AdjustmentOutcome {
  id: number;
  number: string;
  estimatedValue: number;
  status: "posted" | "pending";
  approverRoles: Role[];
}

const maxNoteLength = 500;

/**
 * Records an adjustment as an ADJ document. Below the policy's threshold it posts to the
 * ledger in the same transaction; above it, it waits for approval and nothing moves yet.
 */
export function requestAdjustment(db: Db, clock: Clock, input: AdjustmentRequest): AdjustmentOutcome {
  const delta = checkAdjustment(input);
  const note = input.note?.trim() || undefined;
  if (note && note.length > maxNoteLength)
    throw new JxcError("INVALID_INPUT", { problem: "too_long" }, "note");
  return db.transaction(
    (tx) => {
      shareStatements(db, tx);
      const at = clock.now();
      const item = requireItem(tx, input.itemId);
      requireLocation(tx, input.locationId);
      const onHand = readLocationTotals(tx, item.id, input.locationId).onHand;
      if (delta < 0 && onHand < -delta && !allowsNegativeStock(tx)) {
        throw new JxcError(
          "INSUFFICIENT_STOCK",
          { sku: item.sku, available: onHand, requested: -delta },
          "qty",
        );
      }
      const estimatedValue =
        delta < 0 ? -quoteIssueCost(tx, item, -delta) : valueAtCurrentCost(tx, item.id, delta);
      const number = nextDocumentNumber(tx, "stock_adjustment");
      const row = tx
        .insert(stockAdjustments)
        .values({
          number,
          itemId: item.id,
          locationId: input.locationId,
          qtyDelta: delta,
          reason: input.reason,
          note: note ?? null,
          estimatedValue,
          status: "pending",
          requestedBy: input.userId,
          createdAt: at,
        })
        .returning({ id: stockAdjustments.id })
        .get();
      writeAudit(tx, {
        actor: input.userId,
        action: "adjustment.create",
        entity: "stock_adjustment",
        entityId: number,
        after: {
          sku: item.sku,
          locationId: input.locationId,
          qtyDelta: delta,
          reason: input.reason,
          estimatedValue,
        },
        at,
      });
      const approval = requestApproval(tx, at, {
        docType: "stock_adjustment",
        docId: row.id,
        docNumber: number,
        amount: estimatedValue,
        requestedBy: input.userId,
        summary: { ...readAdjustment(tx, row.id) },
      });
      if (!approval) postAdjustmentDocument(tx, { docId: row.id, at, actor: input.userId });
      return {
        id: row.id,
        number,
        estimatedValue,
        status: approval ? "pending" : "posted",
        approverRoles: approval?.roles ?? [],
      };
    },
    { behavior: "immediate" },
  );
}
