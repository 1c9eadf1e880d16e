import type { Db } from "../../../db/client.ts";
import { insertAuditRow, prepareCached, type SqlValue } from "./sql.ts";

/** A catalogue table keyed by a human code (sku, supplier code), described once for raw SQL. */
export interface KeyedTable {
  table: string;
  /** Audit entity name, e.g. "supplier". */
  entity: string;
  /** The field holding the key; matched case-insensitively, like the unique index. */
  keyField: string;
  /** camelCase field → snake_case column, every column except id and updated_at. */
  columns: Record<string, string>;
  /** Values for fields the caller left undefined when the row is created. */
  defaults: Record<string, SqlValue>;
}

/** Column values by camelCase field name. */
export type RowValues = Record<string, SqlValue>;

/** What an upsert would do: the existing row (if any) and the fields that differ. */
export interface KeyedPlan {
  existing: StoredRow | undefined;
  before: RowValues;
  after: RowValues;
}

/** The SQL a table needs, built once per table description rather than once per row. */
interface CompiledTable {
  fields: string[];
  select: string;
  insert: string;
  update: string;
}

const compiledTables = new WeakMap<KeyedTable, CompiledTable>();

function compile(spec: KeyedTable): CompiledTable {
  let compiled = compiledTables.get(spec);
  if (compiled) return compiled;
  const fields = Object.keys(spec.columns);
  const columnOf = (field: string) => spec.columns[field] ?? field;
  const list = fields.map((field) => `${columnOf(field)} as "${field}"`).join(", ");
  const insertColumns = [...fields.map(columnOf), "updated_at"];
  compiled = {
    fields,
    select: `select id, ${list} from ${spec.table} where ${columnOf(spec.keyField)} = ? collate nocase`,
    insert: `insert into ${spec.table} (${insertColumns.join(", ")}) values (${insertColumns.map(() => "?").join(", ")})`,
    update: `update ${spec.table} set ${[...fields.map((field) => `${columnOf(field)} = ?`), "updated_at = ?"].join(", ")} where id = ?`,
  };
  compiledTables.set(spec, compiled);
  return compiled;
}

/** A stored row: its id and its values by camelCase field. */
export type StoredRow = { id: number; values: RowValues };

/** Reads the row whose key equals `key`, ignoring case, as camelCase values. */
export function readKeyedRow(db: Db, spec: KeyedTable, key: string): StoredRow | undefined {
  const row = prepareCached(db, compile(spec).select).get(key) as ({ id: number } & RowValues) | undefined;
  if (!row) return undefined;
  const { id, ...values } = row;
  return { id, values };
}

/**
 * Every row of the table in one scan, looked up by lower-case key; rows stay
 * raw arrays until asked for, which keeps a 100k-row snapshot small. One
 * scan costs a fraction of 100k point queries.
 */
export function preloadKeyedRows(db: Db, spec: KeyedTable): (key: string) => StoredRow | undefined {
  const { fields, select } = compile(spec);
  const keyIndex = fields.indexOf(spec.keyField) + 1;
  const scan = select.slice(0, select.lastIndexOf(" where "));
  const byKey = new Map<string, SqlValue[]>();
  for (const row of prepareCached(db, scan).raw().all() as SqlValue[][]) {
    byKey.set(String(row[keyIndex]).toLowerCase(), row);
  }
  return (key) => {
    const row = byKey.get(key.toLowerCase());
    if (!row) return undefined;
    const values: RowValues = {};
    fields.forEach((field, index) => {
      values[field] = row[index + 1] ?? null;
    });
    return { id: Number(row[0]), values };
  };
}

/**
 * Compares wanted values with the stored row. Undefined means "leave as is";
 * a new row takes the table defaults for those. The key is never changed.
 */
export function planKeyedUpsert(
  spec: KeyedTable,
  existing: StoredRow | undefined,
  wanted: Record<string, SqlValue | undefined>,
): KeyedPlan {
  const before: RowValues = {};
  const after: RowValues = {};
  for (const field of compile(spec).fields) {
    const value = wanted[field];
    if (existing) {
      const stored = existing.values[field] ?? null;
      // The key was matched ignoring case; its stored spelling is the item's identity and stays.
      if (field === spec.keyField) continue;
      if (value !== undefined && value !== stored) {
        before[field] = stored;
        after[field] = value;
      }
    } else {
      after[field] = value === undefined ? (spec.defaults[field] ?? null) : value;
    }
  }
  return { existing, before, after };
}

/** Writes a plan (insert or update of the changed fields only); returns the row id. */
export function applyKeyedPlan(db: Db, spec: KeyedTable, plan: KeyedPlan, at: number): number {
  const { fields, insert, update } = compile(spec);
  if (!plan.existing) {
    const result = prepareCached(db, insert).run(...fields.map((field) => plan.after[field] ?? null), at);
    return Number(result.lastInsertRowid);
  }
  const merged = { ...plan.existing.values, ...plan.after };
  prepareCached(db, update).run(...fields.map((field) => merged[field] ?? null), at, plan.existing.id);
  return plan.existing.id;
}

/** The values a new row was given (nulls left out), for a compact creation audit row. */
export function presentValues(values: RowValues): RowValues {
  const present: RowValues = {};
  for (const [field, value] of Object.entries(values)) if (value !== null) present[field] = value;
  return present;
}

/** True when the plan changes nothing: re-importing the same data must not write. */
export function isUnchanged(plan: KeyedPlan): boolean {
  return plan.existing !== undefined && Object.keys(plan.after).length === 0;
}

/** Upsert of a whole row with its audit row; for tables with no child rows (suppliers, customers). */
export function upsertKeyedRow(
  db: Db,
  spec: KeyedTable,
  wanted: Record<string, SqlValue | undefined>,
  ctx: { userId: string; at: number },
): { id: number; created: boolean; changed: boolean } {
  const key = wanted[spec.keyField];
  if (typeof key !== "string") throw new Error(`${spec.table}: the key ${spec.keyField} must be a string`);
  const plan = planKeyedUpsert(spec, readKeyedRow(db, spec, key), wanted);
  if (plan.existing && isUnchanged(plan)) return { id: plan.existing.id, created: false, changed: false };
  const id = applyKeyedPlan(db, spec, plan, ctx.at);
  insertAuditRow(db, {
    actor: ctx.userId,
    action: `${spec.entity}.${plan.existing ? "update" : "create"}`,
    entity: spec.entity,
    entityId: String(id),
    before: plan.existing ? plan.before : null,
    after: plan.existing ? plan.after : presentValues(plan.after),
    at: ctx.at,
  });
  return { id, created: !plan.existing, changed: true };
}
