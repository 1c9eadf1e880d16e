import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { suppliers } from "../../../db/schema.ts";
import { writeAudit } from "../audit.ts";
import type { Clock } from "../clock.ts";
import { JxcError } from "../errors.ts";
import { type KeyedTable, upsertKeyedRow } from "./keyed-row.ts";
import { runAtomically } from "./sql.ts";
import { maxCodeLength, optionalText, optionalWholeNumber, requireText } from "./validate.ts";

/** A supplier as an import row or a form gives it; undefined fields are left as they are. */
export interface SupplierInput {
  code: string;
  name: string;
  nameZh?: string | null;
  contact?: string | null;
  phone?: string | null;
  email?: string | null;
  /** Days until a bill is due; a new supplier gets 30 when not given. */
  paymentTermsDays?: number;
  leadTimeDays?: number | null;
  /** What receiving should look out for with this supplier. */
  qualityNotes?: string | null;
}

/** Longest quality note: a paragraph, not a manual. */
export const maxNotesLength = 1000;

/** The suppliers table, described for the shared keyed upsert. */
export const supplierTable: KeyedTable = {
  table: "suppliers",
  entity: "supplier",
  keyField: "code",
  columns: {
    code: "code",
    name: "name",
    nameZh: "name_zh",
    contact: "contact",
    phone: "phone",
    email: "email",
    paymentTermsDays: "payment_terms_days",
    leadTimeDays: "lead_time_days",
    qualityNotes: "quality_notes",
  },
  defaults: { paymentTermsDays: 30 },
};

/** Checks and trims a supplier before it is written, so imports can validate every row first. */
export function normaliseSupplierInput(input: SupplierInput): SupplierInput {
  return {
    code: requireText(input.code, "code", maxCodeLength),
    name: requireText(input.name, "name"),
    nameZh: optionalText(input.nameZh, "nameZh"),
    contact: optionalText(input.contact, "contact"),
    phone: optionalText(input.phone, "phone"),
    email: optionalText(input.email, "email"),
    paymentTermsDays: optionalWholeNumber(input.paymentTermsDays, "paymentTermsDays", 3650) ?? undefined,
    leadTimeDays: optionalWholeNumber(input.leadTimeDays, "leadTimeDays", 3650),
    qualityNotes: optionalText(input.qualityNotes, "qualityNotes", maxNotesLength),
  };
}

/** Creates or updates a supplier by code; writes nothing (and no audit row) when nothing differs. */
export function upsertSupplier(
  tx: Db,
  input: SupplierInput,
  ctx: { userId: string; at: number },
): { id: number; created: boolean; changed: boolean } {
  const wanted = normaliseSupplierInput(input);
  return runAtomically(tx, () => upsertKeyedRow(tx, supplierTable, { ...wanted }, ctx));
}

/** Looks a supplier up by the code people type, ignoring case. */
export function findSupplierByCode(db: Db, code: string): typeof suppliers.$inferSelect | undefined {
  return db.select().from(suppliers).where(sql`${suppliers.code} = ${code.trim()} collate nocase`).get();
}

/** Archives a supplier (purchasing manager, admin): it stays on old POs but new ones cannot use it. */
export function archiveSupplier(
  db: Db,
  clock: Clock,
  input: { code: string; userId: string },
): { changed: boolean } {
  return db.transaction((tx) => {
    const supplier = tx
      .select()
      .from(suppliers)
      .where(sql`${suppliers.code} = ${input.code.trim()} collate nocase`)
      .get();
    if (!supplier) throw new JxcError("UNKNOWN_SUPPLIER", { query: input.code }, "supplier");
    if (supplier.archived) return { changed: false };
    const at = clock.now();
    tx.update(suppliers).set({ archived: true, updatedAt: at }).where(eq(suppliers.id, supplier.id)).run();
    writeAudit(tx, {
      actor: input.userId,
      action: "supplier.archive",
      entity: "supplier",
      entityId: String(supplier.id),
      before: { archived: false },
      after: { archived: true },
      at,
    });
    return { changed: true };
  });
}
