import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { approvalPolicies, companySettings } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { isRole, type Role } from "../roles.ts";

/** Documents that can wait for approval. */
export const approvalDocTypes = [
  "purchase_order",
  "stock_adjustment",
  "payment",
  "stocktake",
  "goods_receipt",
] as const;
export type ApprovalDocType = (typeof approvalDocTypes)[number];

export function isApprovalDocType(value: string): value is ApprovalDocType {
  return (approvalDocTypes as readonly string[]).includes(value);
}

/** One tier: documents whose amount is at least minAmount (minor units) need this role. */
export interface PolicyTier {
  minAmount: number;
  role: Role;
}

/** How long an approval may wait before a reminder, and before it goes to the next role up. */
export interface ApprovalTimers {
  remindAfterHours: number;
  escalateAfterHours: number;
}

// Amounts in minor units of the company currency (CNY: 分).
const defaultPolicies: Record<ApprovalDocType, PolicyTier[]> = {
  purchase_order: [
    { minAmount: 0, role: "purchasing_manager" },
    { minAmount: 5_000_000, role: "finance_supervisor" },
  ],
  stock_adjustment: [{ minAmount: 100_000, role: "warehouse_supervisor" }],
  payment: [{ minAmount: 0, role: "finance_supervisor" }],
  // A count line whose variance is worth at least tier 1 waits; smaller ones post at once.
  stocktake: [{ minAmount: 100_000, role: "warehouse_supervisor" }],
  // Only receipts over the tolerance ask; the amount is the value beyond the order.
  goods_receipt: [{ minAmount: 0, role: "warehouse_supervisor" }],
};

export const defaultTimers: ApprovalTimers = { remindAfterHours: 24, escalateAfterHours: 48 };
const timersKey = "approval_timers";
const maxTiers = 3;
const maxHours = 24 * 30;

/** The tiers of a document type: the admin's if set, else the defaults. Ordered by tier. */
export function readPolicy(db: Pick<Db, "select">, docType: ApprovalDocType): PolicyTier[] {
  const rows = db
    .select({ minAmount: approvalPolicies.minAmount, role: approvalPolicies.role })
    .from(approvalPolicies)
    .where(eq(approvalPolicies.docType, docType))
    .orderBy(asc(approvalPolicies.tier))
    .all();
  if (rows.length === 0) return defaultPolicies[docType];
  return rows.flatMap((r) => (isRole(r.role) ? [{ minAmount: r.minAmount, role: r.role }] : []));
}

/** The roles that must approve a document of this amount, in order; empty = no approval needed. */
export function requiredTiers(policy: readonly PolicyTier[], amount: number): Role[] {
  return policy.filter((tier) => Math.abs(amount) >= tier.minAmount).map((tier) => tier.role);
}

/** Replaces a document type's tiers (admins); thresholds must rise from tier to tier. */
export function setPolicy(
  db: Db,
  clock: Clock,
  input: { docType: ApprovalDocType; tiers: PolicyTier[]; actor: string },
): void {
  const { docType, tiers, actor } = input;
  if (tiers.length === 0 || tiers.length > maxTiers) {
    throw new JxcError("INVALID_INPUT", { input: String(tiers.length), problem: "empty" }, "tiers");
  }
  tiers.forEach((tier, index) => {
    const previous = tiers[index - 1];
    if (tier.minAmount < 0 || !Number.isSafeInteger(tier.minAmount)) {
      throw new JxcError(
        "INVALID_MONEY",
        { input: String(tier.minAmount), problem: "negative" },
        `tier${index + 1}`,
      );
    }
    if (previous && tier.minAmount <= previous.minAmount) {
      throw new JxcError("POLICY_ORDER", { tier: index + 1 }, `tier${index + 1}`);
    }
  });
  const before = readPolicy(db, docType);
  const at = clock.now();
  db.transaction((tx) => {
    tx.delete(approvalPolicies).where(eq(approvalPolicies.docType, docType)).run();
    tx.insert(approvalPolicies)
      .values(tiers.map((t, i) => ({ docType, tier: i + 1, ...t, updatedBy: actor, updatedAt: at })))
      .run();
    writeAudit(tx, {
      actor,
      action: "approval.policy",
      entity: "policy",
      entityId: docType,
      before,
      after: tiers,
      at,
    });
  });
}

/** The reminder and escalation waits, as the admin set them. */
export function readTimers(db: Db): ApprovalTimers {
  const row = db
    .select({ value: companySettings.value })
    .from(companySettings)
    .where(eq(companySettings.key, timersKey))
    .get();
  const value = row?.value as Partial<ApprovalTimers> | undefined;
  return { ...defaultTimers, ...value };
}

/** Sets the reminder and escalation waits (hours; escalation after the reminder). */
export function setTimers(db: Db, clock: Clock, timers: ApprovalTimers, actor: string): void {
  const { remindAfterHours, escalateAfterHours } = timers;
  for (const [field, hours] of Object.entries(timers)) {
    if (!Number.isInteger(hours) || hours < 1 || hours > maxHours) {
      throw new JxcError("INVALID_INPUT", { input: String(hours), problem: "too_large" }, field);
    }
  }
  if (escalateAfterHours <= remindAfterHours) {
    throw new JxcError("POLICY_ORDER", { tier: 0 }, "escalateAfterHours");
  }
  const at = clock.now();
  db.transaction((tx) => {
    const before = readTimers(db);
    tx.insert(companySettings)
      .values({ key: timersKey, value: timers, updatedBy: actor, updatedAt: at })
      .onConflictDoUpdate({
        target: companySettings.key,
        set: { value: timers, updatedBy: actor, updatedAt: at },
      })
      .run();
    writeAudit(tx, {
      actor,
      action: "approval.timers",
      entity: "setting",
      entityId: timersKey,
      before,
      after: timers,
      at,
    });
  });
}
