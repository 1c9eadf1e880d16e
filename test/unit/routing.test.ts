import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/client.ts";
import { auditLog, routingRules } from "../../db/schema.ts";
import { fixedClock } from "../../src/domain/clock.ts";
import { eventTypes } from "../../src/domain/events.ts";
import { bootstrapAdmins, grantRole } from "../../src/domain/roles.ts";
import {
  getDepartmentChannel,
  listDepartmentChannels,
  setDepartmentChannel,
} from "../../src/domain/routing/departments.ts";
import {
  addRouteTarget,
  recipientsFor,
  removeRouteTarget,
  resetRoute,
  routeFor,
} from "../../src/domain/routing/routes.ts";
import { defaultRoutes, routeTargets, toRouteTarget } from "../../src/domain/routing/targets.ts";

const admin = "U0ADMIN";
const clock = fixedClock(Date.parse("2026-11-25T02:00:00Z"));

describe("department channels and routing", () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(":memory:");
    bootstrapAdmins(db, clock, [admin]);
  });
  afterEach(() => db.$client.close());

  const audits = (action: string) =>
    db
      .select()
      .from(auditLog)
      .all()
      .filter((row) => row.action === action);

  it("sets a department's channel with an audit row, and setting it again changes nothing", () => {
    expect(getDepartmentChannel(db, "warehouse")).toBeUndefined();
    expect(
      setDepartmentChannel(db, clock, { actor: admin, department: "warehouse", channelId: "C0WH" }),
    ).toEqual({
      changed: true,
      previous: undefined,
    });
    setDepartmentChannel(db, clock, { actor: admin, department: "warehouse", channelId: "C0WH" });
    setDepartmentChannel(db, clock, { actor: admin, department: "warehouse", channelId: "C0STORE" });
    expect(getDepartmentChannel(db, "warehouse")).toBe("C0STORE");
    expect(listDepartmentChannels(db).map((row) => [row.department, row.channelId])).toEqual([
      ["purchasing", undefined],
      ["warehouse", "C0STORE"],
      ["sales", undefined],
      ["finance", undefined],
    ]);
    expect(audits("department_channel.set").map((row) => [row.before, row.after])).toEqual([
      [null, { channelId: "C0WH" }],
      [{ channelId: "C0WH" }, { channelId: "C0STORE" }],
    ]);
  });

  it("lets only admins change channels and routes", () => {
    grantRole(db, clock, { actor: admin, userId: "U0KEEPER", role: "warehouse_keeper" });
    const keeper = { actor: "U0KEEPER" };
    expect(() =>
      setDepartmentChannel(db, clock, { ...keeper, department: "sales", channelId: "C1" }),
    ).toThrow(/NOT_ALLOWED/);
    expect(() =>
      addRouteTarget(db, clock, { ...keeper, eventType: "adjustment.posted", target: "owner" }),
    ).toThrow(/NOT_ALLOWED/);
    expect(() => resetRoute(db, clock, { ...keeper, eventType: "adjustment.posted" })).toThrow(/NOT_ALLOWED/);
    expect(db.select().from(routingRules).all()).toEqual([]);
  });

  it("has a default for every event type, each target in its canonical form", () => {
    for (const type of eventTypes) {
      expect(defaultRoutes[type].every((target) => toRouteTarget(target) === target)).toBe(true);
    }
    expect(routeTargets).toContain("role:warehouse_supervisor");
    expect(toRouteTarget("role:wizard")).toBeUndefined();
    expect(toRouteTarget("channel:marketing")).toBeUndefined();
  });

  it("resolves defaults: decisions to the requester, adjustments to the warehouse channel", () => {
    expect(recipientsFor(db, "approval.approved", { ownerUserId: "U0REQ" })).toEqual({
      users: ["U0REQ"],
      channels: [],
    });
    expect(recipientsFor(db, "approval.approved")).toEqual({ users: [], channels: [] });
    expect(recipientsFor(db, "adjustment.posted")).toEqual({
      users: [],
      channels: [{ department: "warehouse", channelId: undefined }],
    });
    setDepartmentChannel(db, clock, { actor: admin, department: "warehouse", channelId: "C0WH" });
    expect(recipientsFor(db, "adjustment.posted").channels).toEqual([
      { department: "warehouse", channelId: "C0WH" },
    ]);
  });

  it("adds role holders once each, keeps the defaults on the first change, and audits it", () => {
    grantRole(db, clock, { actor: admin, userId: "U0SUP", role: "warehouse_supervisor" });
    grantRole(db, clock, { actor: admin, userId: "U0SUP", role: "finance_supervisor" });
    grantRole(db, clock, { actor: admin, userId: "U0FIN", role: "finance_supervisor" });
    const change = { actor: admin, eventType: "adjustment.posted" as const };
    addRouteTarget(db, clock, { ...change, target: "role:warehouse_supervisor" });
    const { route } = addRouteTarget(db, clock, { ...change, target: "role:finance_supervisor" });
    expect(route).toEqual({
      eventType: "adjustment.posted",
      targets: ["role:warehouse_supervisor", "role:finance_supervisor", "channel:warehouse"],
      custom: true,
    });
    expect(addRouteTarget(db, clock, { ...change, target: "channel:warehouse" }).changed).toBe(false);
    expect(recipientsFor(db, "adjustment.posted", { ownerUserId: "U0SUP" })).toEqual({
      users: ["U0SUP", "U0FIN"],
      channels: [{ department: "warehouse", channelId: undefined }],
    });
    expect(audits("route.add").map((row) => row.after)).toEqual([
      { targets: ["role:warehouse_supervisor", "channel:warehouse"] },
      { targets: ["role:warehouse_supervisor", "role:finance_supervisor", "channel:warehouse"] },
    ]);
  });

  it("routes to nobody once the last target is removed, until reset to the defaults", () => {
    const change = { actor: admin, eventType: "approval.rejected" as const };
    expect(removeRouteTarget(db, clock, { ...change, target: "channel:sales" }).changed).toBe(false);
    const { route } = removeRouteTarget(db, clock, { ...change, target: "owner" });
    expect(route).toEqual({ eventType: "approval.rejected", targets: [], custom: true });
    expect(routeFor(db, "approval.rejected").targets).toEqual([]);
    expect(recipientsFor(db, "approval.rejected", { ownerUserId: "U0REQ" }).users).toEqual([]);
    expect(resetRoute(db, clock, change)).toMatchObject({
      changed: true,
      route: { targets: ["owner"], custom: false },
    });
    expect(resetRoute(db, clock, change).changed).toBe(false);
    expect(audits("route.remove")).toHaveLength(1);
    expect(audits("route.reset")[0]?.after).toEqual({ targets: ["owner"] });
  });
});
