import { sql } from "drizzle-orm";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** A site that holds stock (主仓, 二号仓). */
export const warehouses = sqliteTable(
  "warehouses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    nameZh: text("name_zh"),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    updatedAt: integer("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("warehouses_code_unique").on(sql`${t.code} collate nocase`)],
);

/**
 * A bin or location inside a warehouse. `rank` is the distance from the door
 * (1 = nearest), used by slotting; capacity is in base units, when known.
 */
export const locations = sqliteTable(
  "locations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    warehouseId: integer("warehouse_id")
      .notNull()
      .references(() => warehouses.id),
    code: text("code").notNull(),
    zone: text("zone"),
    rank: integer("rank"),
    capacity: integer("capacity"),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [uniqueIndex("locations_warehouse_code_unique").on(t.warehouseId, sql`${t.code} collate nocase`)],
);
