import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { departmentChannels } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { requirePermission } from "../permissions.ts";

/** The four departments of DESIGN §1; each may have one Slack channel for its shared work. */
export const departments = ["purchasing", "warehouse", "sales", "finance"] as const;
export type Department = (typeof departments)[number];

export function isDepartment(value: string): value is Department {
  return (departments as readonly string[]).includes(value);
}

/** A department's channel setting: who set it and when, or nothing yet. */
export interface DepartmentChannel {
  department: Department;
  channelId: string | undefined;
  updatedBy?: string;
  updatedAt?: number;
}

/** The channel a department's notices go to, or undefined until an admin sets one. */
export function getDepartmentChannel(db: Db, department: Department): string | undefined {
  return db
    .select({ channelId: departmentChannels.channelId })
    .from(departmentChannels)
    .where(eq(departmentChannels.department, department))
    .get()?.channelId;
}

/** Every department in the fixed order, set or not, for `/jxc channel`. */
export function listDepartmentChannels(db: Db): DepartmentChannel[] {
  const rows = db.select().from(departmentChannels).orderBy(asc(departmentChannels.department)).all();
  return departments.map((department) => {
    const row = rows.find((r) => r.department === department);
    return row
      ? { department, channelId: row.channelId, updatedBy: row.updatedBy, updatedAt: row.updatedAt }
      : { department, channelId: undefined };
  });
}

export interface ChannelChange {
  actor: string;
  department: Department;
  channelId: string;
}

/** Points a department at a channel (admins); setting the same channel again changes nothing. */
export function setDepartmentChannel(
  db: Db,
  clock: Clock,
  change: ChannelChange,
): { changed: boolean; previous: string | undefined } {
  requirePermission(db, change.actor, "channels.manage");
  return db.transaction((tx) => {
    const previous = tx
      .select({ channelId: departmentChannels.channelId })
      .from(departmentChannels)
      .where(eq(departmentChannels.department, change.department))
      .get()?.channelId;
    if (previous === change.channelId) return { changed: false, previous };
    const at = clock.now();
    tx.insert(departmentChannels)
      .values({
        department: change.department,
        channelId: change.channelId,
        updatedBy: change.actor,
        updatedAt: at,
      })
      .onConflictDoUpdate({
        target: departmentChannels.department,
        set: { channelId: change.channelId, updatedBy: change.actor, updatedAt: at },
      })
      .run();
    writeAudit(tx, {
      actor: change.actor,
      action: "department_channel.set",
      entity: "department",
      entityId: change.department,
      before: previous === undefined ? null : { channelId: previous },
      after: { channelId: change.channelId },
      at,
    });
    return { changed: true, previous };
  });
}
