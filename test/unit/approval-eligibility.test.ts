import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { approvalDelegations, roleAssignments } from "../../db/schema.ts";
import { eligibilityOf, eligibleApprovers } from "../../src/domain/approvals/eligibility.ts";
import type { Role } from "../../src/domain/roles.ts";

const people = ["U1", "U2", "U3", "U4", "U5"];
const stepRoles: Role[] = ["warehouse_supervisor", "purchasing_manager"];
const days = ["2025-01-01", "2025-01-02", "2025-01-03"];

const person = fc.constantFrom(...people);
const world = fc.record({
  holdings: fc.uniqueArray(fc.tuple(person, fc.constantFrom(...stepRoles)), {
    selector: ([userId, role]) => `${userId}/${role}`,
    maxLength: 6,
  }),
  delegations: fc.array(
    fc.record({
      approver: person,
      delegate: person,
      from: fc.constantFrom(...days),
      to: fc.constantFrom(...days),
      revoked: fc.boolean(),
    }),
    { maxLength: 5 },
  ),
  requestedBy: person,
  excluded: fc.uniqueArray(person, { maxLength: 2 }),
  day: fc.constantFrom(...days),
});

describe("eligibilityOf", () => {
  it("says yes exactly for the users eligibleApprovers lists, for any holders, delegations and bars", () => {
    fc.assert(
      fc.property(world, (w) => {
        const db = openDatabase(":memory:");
        for (const [userId, role] of w.holdings) {
          db.insert(roleAssignments).values({ userId, role, grantedBy: "U0", grantedAt: 0 }).run();
        }
        for (const d of w.delegations) {
          if (d.approver === d.delegate) continue;
          db.insert(approvalDelegations)
            .values({
              approver: d.approver,
              delegate: d.delegate,
              fromDay: d.from,
              toDay: d.to,
              createdAt: 0,
              revokedAt: d.revoked ? 1 : null,
            })
            .run();
        }
        const barred = { requestedBy: w.requestedBy, excluded: new Set(w.excluded) };
        for (const role of stepRoles) {
          const listed = new Set(eligibleApprovers(db, role, barred, w.day).map((a) => a.userId));
          for (const userId of people) {
            expect(eligibilityOf(db, userId, w.day)(role, barred), `${userId} ${role}`).toBe(
              listed.has(userId),
            );
          }
        }
        db.$client.close();
      }),
      { numRuns: 150 },
    );
  });
});
