import type { Db } from "../../db/client.ts";
import { auditLog } from "../../db/schema.ts";

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at: number;
}

/** Appends one audit row; call it inside the transaction that makes the change. */
export function writeAudit(db: Pick<Db, "insert">, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({ ...entry, before: entry.before ?? null, after: entry.after ?? null })
    .run();
}
