import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client.ts";
import { customers } from "../../../db/schema.ts";
import { JxcError } from "../errors.ts";
import { maxMoneyMinor } from "../money.ts";
import { type KeyedTable, upsertKeyedRow } from "./keyed-row.ts";
import { runAtomically } from "./sql.ts";
import { maxCodeLength, optionalText, optionalWholeNumber, requireText } from "./validate.ts";

/** A customer as an import row or a form gives it; undefined fields are left as they are. */
export interface CustomerInput {
  code: string;
  name: string;
  nameZh?: string | null;
  contact?: string | null;
  phone?: string | null;
  email?: string | null;
  /** The owning salesperson's Slack user id (U012ABC), who gets this customer's nudges first. */
  ownerUserId?: string | null;
  paymentTermsDays?: number;
  /** Minor units; null means no limit. */
  creditLimit?: number | null;
}

/** The customers table, described for the shared keyed upsert. */
export const customerTable: KeyedTable = {
  table: "customers",
  entity: "customer",
  keyField: "code",
  columns: {
    code: "code",
    name: "name",
    nameZh: "name_zh",
    contact: "contact",
    phone: "phone",
    email: "email",
    ownerUserId: "owner_user_id",
    paymentTermsDays: "payment_terms_days",
    creditLimit: "credit_limit",
  },
  defaults: { paymentTermsDays: 30 },
};

const slackUserId = /^[UW][A-Z0-9]{2,}$/;

/** Checks and trims a customer before it is written, so imports can validate every row first. */
export function normaliseCustomerInput(input: CustomerInput): CustomerInput {
  const owner = optionalText(input.ownerUserId, "ownerUserId", 32);
  if (owner && !slackUserId.test(owner)) throw new JxcError("UNKNOWN_USER", { input: owner }, "ownerUserId");
  return {
    code: requireText(input.code, "code", maxCodeLength),
    name: requireText(input.name, "name"),
    nameZh: optionalText(input.nameZh, "nameZh"),
    contact: optionalText(input.contact, "contact"),
    phone: optionalText(input.phone, "phone"),
    email: optionalText(input.email, "email"),
    ownerUserId: owner,
    paymentTermsDays: optionalWholeNumber(input.paymentTermsDays, "paymentTermsDays", 3650) ?? undefined,
    creditLimit: optionalWholeNumber(input.creditLimit, "creditLimit", maxMoneyMinor),
  };
}

/** Creates or updates a customer by code; writes nothing (and no audit row) when nothing differs. */
export function upsertCustomer(
  tx: Db,
  input: CustomerInput,
  ctx: { userId: string; at: number },
): { id: number; created: boolean; changed: boolean } {
  const wanted = normaliseCustomerInput(input);
  return runAtomically(tx, () => upsertKeyedRow(tx, customerTable, { ...wanted }, ctx));
}

/** Looks a customer up by the code people type, ignoring case. */
export function findCustomerByCode(db: Db, code: string): typeof customers.$inferSelect | undefined {
  return db.select().from(customers).where(sql`${customers.code} = ${code.trim()} collate nocase`).get();
}
