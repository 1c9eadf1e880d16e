import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "../../db/client.ts";
import { auditLog, locations } from "../../db/schema.ts";
import { findCustomerByCode, upsertCustomer } from "../../src/domain/catalogue/customers.ts";
import {
  archiveItem,
  findItemBySkuOrBarcode,
  getItem,
  getItemDetails,
  type ItemInput,
  upsertItem,
} from "../../src/domain/catalogue/items.ts";
import {
  ensureLocation,
  ensureWarehouse,
  findWarehouse,
  listWarehouses,
} from "../../src/domain/catalogue/places.ts";
import { findSupplierByCode, upsertSupplier } from "../../src/domain/catalogue/suppliers.ts";
import { JxcError } from "../../src/domain/errors.ts";

const ctx = { userId: "U0ADMIN", at: 1_700_000_000_000 };
const screw: ItemInput = {
  sku: "SCR-M4",
  name: "Stainless screw M4",
  nameZh: "不锈钢螺丝",
  baseUnit: "pcs",
  purchaseUnit: "box",
  purchaseUnitFactor: 100,
  salePrice: 50,
  aliases: ["螺钉", "screw m4"],
  barcodes: ["6901234567890"],
};

let db: Db;
beforeEach(() => {
  db = openDatabase(":memory:");
});

function auditCount(): number {
  return db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
}

function errorOf(run: () => unknown): JxcError {
  try {
    run();
  } catch (error) {
    if (error instanceof JxcError) return error;
    throw error;
  }
  throw new Error("expected a JxcError");
}

describe("upsertItem", () => {
  it("creates an item with its aliases, barcodes and an audit row", () => {
    const result = upsertItem(db, screw, ctx);
    expect(result).toMatchObject({ created: true, changed: true });
    const item = getItemDetails(db, result.id);
    expect(item).toMatchObject({
      sku: "SCR-M4",
      nameZh: "不锈钢螺丝",
      purchaseUnitFactor: 100,
      salePrice: 50,
    });
    expect(item?.aliases).toEqual(["螺钉", "screw m4"]);
    expect(item?.barcodes).toEqual(["6901234567890"]);
    expect(item?.valuation).toBe("moving_average");
    const audit = db.select().from(auditLog).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "U0ADMIN", action: "item.create", entity: "item" });
  });

  it("changes nothing (no write, no audit row) when every field already matches", () => {
    const first = upsertItem(db, screw, ctx);
    const again = upsertItem(db, { ...screw, sku: "scr-m4", aliases: ["screw m4", "螺钉"] }, ctx);
    expect(again).toEqual({ id: first.id, created: false, changed: false });
    expect(auditCount()).toBe(1);
  });

  it("updates changed fields by SKU, ignoring case, with before and after in the audit", () => {
    const first = upsertItem(db, screw, ctx);
    const result = upsertItem(db, { ...screw, salePrice: 60, aliases: ["螺钉"] }, ctx);
    expect(result).toEqual({ id: first.id, created: false, changed: true });
    expect(getItemDetails(db, first.id)).toMatchObject({ salePrice: 60, aliases: ["螺钉"] });
    const last = db.select().from(auditLog).all().at(-1);
    expect(last?.action).toBe("item.update");
    expect(last?.before).toEqual({ salePrice: 50, aliases: ["螺钉", "screw m4"] });
    expect(last?.after).toEqual({ salePrice: 60, aliases: ["螺钉"] });
  });

  it("leaves fields that are not given alone, and clears those given as null", () => {
    const { id } = upsertItem(db, screw, ctx);
    upsertItem(db, { sku: "SCR-M4", name: "Stainless screw M4", baseUnit: "pcs" }, ctx);
    expect(getItemDetails(db, id)).toMatchObject({ nameZh: "不锈钢螺丝", barcodes: ["6901234567890"] });
    upsertItem(
      db,
      { sku: "SCR-M4", name: "Stainless screw M4", baseUnit: "pcs", nameZh: null, barcodes: [] },
      ctx,
    );
    expect(getItemDetails(db, id)).toMatchObject({ nameZh: null, barcodes: [] });
  });

  it("refuses a barcode that names another item", () => {
    upsertItem(db, screw, ctx);
    const error = errorOf(() =>
      upsertItem(db, { sku: "BLT-M6", name: "Bolt", baseUnit: "pcs", barcodes: ["6901234567890"] }, ctx),
    );
    expect(error.code).toBe("DUPLICATE");
    expect(error.params).toMatchObject({ what: "barcode", key: "6901234567890" });
    expect(findItemBySkuOrBarcode(db, "BLT-M6")).toBeUndefined();
  });

  it("sets the default supplier by its code and refuses an unknown one", () => {
    const acme = upsertSupplier(db, { code: "ACME", name: "Acme" }, ctx);
    const { id } = upsertItem(db, { ...screw, supplierCode: "acme" }, ctx);
    expect(getItemDetails(db, id)).toMatchObject({ defaultSupplierId: acme.id, supplierCode: "ACME" });
    const error = errorOf(() => upsertItem(db, { ...screw, supplierCode: "NOPE" }, ctx));
    expect(error).toMatchObject({ code: "NOT_FOUND", field: "supplierCode" });
  });

  it("refuses a unit without its factor and blank required fields, naming the field", () => {
    expect(errorOf(() => upsertItem(db, { ...screw, purchaseUnitFactor: null }, ctx)).field).toBe(
      "purchaseUnitFactor",
    );
    expect(errorOf(() => upsertItem(db, { ...screw, sku: "  " }, ctx))).toMatchObject({
      code: "INVALID_INPUT",
      field: "sku",
    });
    expect(errorOf(() => upsertItem(db, { ...screw, salePrice: -1 }, ctx)).params.problem).toBe("negative");
  });
});

describe("item lookups", () => {
  it("finds an item by SKU in any case or by barcode", () => {
    const { id } = upsertItem(db, screw, ctx);
    expect(findItemBySkuOrBarcode(db, "scr-m4")?.id).toBe(id);
    expect(findItemBySkuOrBarcode(db, "6901234567890")?.id).toBe(id);
    expect(findItemBySkuOrBarcode(db, "nothing")).toBeUndefined();
    expect(getItem(db, id)?.sku).toBe("SCR-M4");
    expect(getItemDetails(db, 999)).toBeUndefined();
  });

  it("archives an item once, with an audit row", () => {
    const { id } = upsertItem(db, screw, ctx);
    expect(archiveItem(db, id, ctx)).toEqual({ changed: true });
    expect(archiveItem(db, id, ctx)).toEqual({ changed: false });
    expect(getItemDetails(db, id)?.archived).toBe(true);
    expect(auditCount()).toBe(2);
    expect(errorOf(() => archiveItem(db, 999, ctx)).code).toBe("NOT_FOUND");
  });
});

describe("suppliers and customers", () => {
  it("upserts a supplier by code with the same changed semantics", () => {
    const created = upsertSupplier(db, { code: "ACME", name: "Acme", leadTimeDays: 7 }, ctx);
    expect(created).toMatchObject({ created: true, changed: true });
    expect(findSupplierByCode(db, "acme")).toMatchObject({
      name: "Acme",
      paymentTermsDays: 30,
      leadTimeDays: 7,
    });
    expect(upsertSupplier(db, { code: "acme", name: "Acme", leadTimeDays: 7 }, ctx)).toMatchObject({
      changed: false,
    });
    expect(upsertSupplier(db, { code: "ACME", name: "Acme Ltd" }, ctx)).toMatchObject({
      created: false,
      changed: true,
    });
    expect(findSupplierByCode(db, "ACME")).toMatchObject({ name: "Acme Ltd", leadTimeDays: 7 });
    expect(auditCount()).toBe(2);
  });

  it("upserts a customer with an owner and a credit limit", () => {
    const input = { code: "C001", name: "Big Shop", ownerUserId: "U012ABC", creditLimit: 1_000_000 };
    expect(upsertCustomer(db, input, ctx)).toMatchObject({ created: true });
    expect(upsertCustomer(db, input, ctx)).toMatchObject({ changed: false });
    expect(findCustomerByCode(db, "c001")).toMatchObject({ ownerUserId: "U012ABC", creditLimit: 1_000_000 });
    expect(errorOf(() => upsertCustomer(db, { ...input, ownerUserId: "alice" }, ctx))).toMatchObject({
      code: "UNKNOWN_USER",
      field: "ownerUserId",
    });
  });
});

describe("places", () => {
  it("creates a warehouse once, with its MAIN bin", () => {
    const first = ensureWarehouse(db, "WH1", ctx);
    expect(first.created).toBe(true);
    expect(ensureWarehouse(db, "wh1", ctx)).toEqual({ id: first.id, created: false });
    const bins = db.select().from(locations).where(eq(locations.warehouseId, first.id)).all();
    expect(bins.map((bin) => bin.code)).toEqual(["MAIN"]);
    expect(ensureLocation(db, first.id, "main", ctx).created).toBe(false);
    expect(ensureLocation(db, first.id, "A-01", ctx).created).toBe(true);
    expect(ensureLocation(db, first.id, "a-01", ctx).created).toBe(false);
  });

  it("finds warehouses by code in any case and lists them", () => {
    ensureWarehouse(db, "WH2", ctx);
    ensureWarehouse(db, "WH1", ctx);
    expect(findWarehouse(db, "wh2")?.code).toBe("WH2");
    expect(findWarehouse(db, "WH9")).toBeUndefined();
    expect(listWarehouses(db).map((w) => w.code)).toEqual(["WH1", "WH2"]);
    expect(errorOf(() => ensureLocation(db, 999, "A", ctx)).code).toBe("UNKNOWN_WAREHOUSE");
  });
});
