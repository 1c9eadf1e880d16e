import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { approvalRequests } from "./approvals.ts";

/**
 * People a request names, besides its requester, who may not decide it: they took part in what
 * it asks to approve (whoever counted a stocktake's waiting lines, the receiver of a goods
 * receipt). They get no card and are refused as the requester is.
 */
export const approvalExcludedDeciders = sqliteTable(
  "approval_excluded_deciders",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => approvalRequests.id),
    userId: text("user_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.userId] })],
);
