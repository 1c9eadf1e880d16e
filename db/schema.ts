// The whole schema, one module per area; drizzle-kit reads this file.

export * from "./tables/approval-exclusions.ts";
export * from "./tables/approvals.ts";
export * from "./tables/catalogue.ts";
export * from "./tables/low-stock.ts";
export * from "./tables/notify.ts";
export * from "./tables/places.ts";
export * from "./tables/purchasing.ts";
export * from "./tables/receiving.ts";
export * from "./tables/returns.ts";
export * from "./tables/stock.ts";
export * from "./tables/stocktakes.ts";
export * from "./tables/supplier-terms.ts";
export * from "./tables/system.ts";
