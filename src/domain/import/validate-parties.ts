import { type CustomerInput, normaliseCustomerInput } from "../catalogue/customers.ts";
import { normaliseSupplierInput, type SupplierInput } from "../catalogue/suppliers.ts";
import { JxcError } from "../errors.ts";
import { RowReader } from "./cells.ts";
import { type RowValidator, type RunContext, type Validation, ValidationCollector } from "./run.ts";
import type { CsvRow } from "./table.ts";

const maxDays = 3650;

/** Checks every row of a suppliers file; codes it defines become known to items files of the same run. */
export class SupplierRowValidator implements RowValidator<SupplierInput> {
  private readonly collector = new ValidationCollector<SupplierInput>();
  private readonly codes = new Map<string, number>();

  constructor(private readonly run: RunContext) {}

  get result(): Validation<SupplierInput> {
    return this.collector.result;
  }

  add(source: CsvRow): void {
    const cells = new RowReader(source);
    const supplier = cells.attempt(undefined, () =>
      normaliseSupplierInput({
        code: cells.raw("code"),
        name: cells.raw("name"),
        nameZh: cells.text("name_zh"),
        contact: cells.text("contact"),
        phone: cells.text("phone"),
        email: cells.text("email"),
        paymentTermsDays: cells.wholeNumber("payment_terms_days", maxDays) ?? undefined,
        leadTimeDays: cells.wholeNumber("lead_time_days", maxDays),
        qualityNotes: cells.text("quality_notes"),
      }),
    );
    if (supplier) checkDuplicateCode(cells, supplier.code, this.codes);
    this.collector.add(cells.row, cells.errors, supplier);
    if (supplier && cells.errors.length === 0) this.run.suppliers.add(supplier.code.toLowerCase());
  }
}

/** Checks every row of a customers file (owner must look like a Slack user id). */
export class CustomerRowValidator implements RowValidator<CustomerInput> {
  private readonly collector = new ValidationCollector<CustomerInput>();
  private readonly codes = new Map<string, number>();

  constructor(private readonly run: RunContext) {}

  get result(): Validation<CustomerInput> {
    return this.collector.result;
  }

  add(source: CsvRow): void {
    const cells = new RowReader(source);
    const customer = cells.attempt(undefined, () =>
      normaliseCustomerInput({
        code: cells.raw("code"),
        name: cells.raw("name"),
        nameZh: cells.text("name_zh"),
        contact: cells.text("contact"),
        phone: cells.text("phone"),
        email: cells.text("email"),
        ownerUserId: cells.text("owner"),
        paymentTermsDays: cells.wholeNumber("payment_terms_days", maxDays) ?? undefined,
        creditLimit: cells.money("credit_limit", this.run.currencyDecimals),
      }),
    );
    if (customer) checkDuplicateCode(cells, customer.code, this.codes);
    this.collector.add(cells.row, cells.errors, customer);
  }
}

function checkDuplicateCode(cells: RowReader, code: string, codes: Map<string, number>): void {
  const key = code.toLowerCase();
  const firstRow = codes.get(key);
  if (firstRow === undefined) codes.set(key, cells.row);
  else cells.fail("code", new JxcError("DUPLICATE", { what: "code", key: code, row: firstRow }));
}
