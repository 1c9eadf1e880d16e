import type { Db } from "../../../db/client.ts";
import { addDays, daysBetween, wallClockIn } from "../../text/calendar.ts";
import { JxcError } from "../errors.ts";
import { committedStatuses } from "./states.ts";

/** A span of company days, both ends included. */
export interface ScorePeriod {
  from: string;
  to: string;
}

/** How the supplier did over a period, each figure with the counts behind it. */
export interface SupplierScorecard {
  period: ScorePeriod;
  /** PO lines due in the period: delivered in full (received, accepted or not) by the end of the expected day. */
  onTime: { due: number; onTime: number; late: number; open: number };
  /** Receipts posted in the period: accepted ÷ received, in base units. */
  quality: {
    receipts: number;
    lines: number;
    received: number;
    accepted: number;
    rejected: number;
    rejectedLines: number;
  };
  /**
   * Lines of POs approved in the period against the list price on the approval day, else the
   * previous price paid to this supplier: variance = paid − reference, in minor units.
   */
  price: {
    lines: number;
    vsList: number;
    vsPrevious: number;
    noReference: number;
    above: number;
    below: number;
    reference: number;
    variance: number;
  };
  /** POs due in the period: every line accepted in full by the expected day, none above the list price. */
  compliance: { due: number; compliant: number; lateOrShort: number; aboveList: number };
}

/** The longest period a scorecard reads: ten years of days. */
export const maxScoreDays = 3660;
/** The default period: the last 90 days, today included. */
export const defaultScoreDays = 90;

/** The last `days` days up to today. */
export function lastDays(today: string, days = defaultScoreDays): ScorePeriod {
  return { from: addDays(today, -(days - 1)), to: today };
}

// Statuses of POs the supplier was bound by: approved and after (on hold only ever follows approval).
const bound = [...committedStatuses, "on_hold"].map((s) => `'${s}'`).join(",");

/** The instant a company day starts in a time zone (DST-safe: the offset is read at that moment). */
export function dayStartIn(timeZone: string, day: string): number {
  const [year = 0, month = 1, date = 1] = day.split("-").map(Number);
  const utc = Date.UTC(year, month - 1, date);
  let guess = utc;
  for (let i = 0; i < 2; i++) {
    const wall = wallClockIn(timeZone, guess);
    const shown = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    guess = utc - (shown - guess);
  }
  return guess;
}

/**
 * Scores a supplier over a period with three set-based reads (due PO lines with their receipts,
 * receipts in the period, lines approved in the period), whatever the number of POs. `today`
 * decides what is due: a line whose expected day is still to come counts only once delivered.
 */
export function scoreSupplier(
  db: Db,
  supplierId: number,
  period: ScorePeriod,
  context: { today: string; timeZone: string },
): SupplierScorecard {
  const span = daysBetween(period.from, period.to);
  if (span < 0) throw new JxcError("INVALID_INPUT", { problem: "ends_before_start" }, "period");
  if (span >= maxScoreDays) throw new JxcError("INVALID_INPUT", { problem: "too_large" }, "period");
  const sqlite = db.$client;
  // When each day of the period ends (the next day's start), for "by the expected day".
  const deadlines: Record<string, number> = {};
  for (let n = 0; n <= span; n++) {
    const day = addDays(period.from, n);
    deadlines[day] = dayStartIn(context.timeZone, addDays(day, 1));
  }
  const params = { supplier: supplierId, from: period.from, to: period.to };
  const due = sqlite
    .prepare(
      `with deadline (day, until) as (select key, value from json_each(@deadlines)),
       lines as (
         select l.id, l.purchase_order_id as po, l.item_id, l.qty, l.unit_price, p.expected_day, p.approved_day, d.until
           from purchase_orders p join purchase_order_lines l on l.purchase_order_id = p.id
           join deadline d on d.day = p.expected_day
          where p.supplier_id = @supplier and p.status in (${bound}) and p.expected_day between @from and @to),
       got as (
         select r.purchase_order_line_id as id, sum(r.received) as received, sum(r.accepted) as accepted,
                sum(case when g.received_at < ln.until then r.received else 0 end) as received_in_time,
                sum(case when g.received_at < ln.until then r.accepted else 0 end) as accepted_in_time
           from lines ln join goods_receipt_lines r on r.purchase_order_line_id = ln.id
           join goods_receipts g on g.id = r.goods_receipt_id
          group by r.purchase_order_line_id)
       select ln.po, ln.qty, ln.unit_price, ln.expected_day, coalesce(got.received, 0), coalesce(got.received_in_time, 0),
              coalesce(got.accepted_in_time, 0),
              (select sp.unit_price from supplier_items si join supplier_prices sp on sp.supplier_item_id = si.id
                where si.supplier_id = @supplier and si.item_id = ln.item_id
                  and sp.valid_from <= coalesce(ln.approved_day, ln.expected_day)
                order by sp.valid_from desc limit 1)
         from lines ln left join got on got.id = ln.id`,
    )
    .raw()
    .all({ ...params, deadlines: JSON.stringify(deadlines) }) as [
    number,
    number,
    number,
    string,
    number,
    number,
    number,
    number | null,
  ][];
  const onTime = { due: 0, onTime: 0, late: 0, open: 0 };
  const pos = new Map<number, { complete: boolean; aboveList: boolean }>();
  for (const [po, qty, price, expectedDay, received, receivedInTime, acceptedInTime, listPrice] of due) {
    const delivered = received >= qty;
    // A line still to come (its day not over) counts once it is delivered in full.
    if (expectedDay >= context.today && !delivered) continue;
    onTime.due += 1;
    if (receivedInTime >= qty) onTime.onTime += 1;
    else if (delivered) onTime.late += 1;
    else onTime.open += 1;
    const entry = pos.get(po) ?? { complete: true, aboveList: false };
    if (acceptedInTime < qty) entry.complete = false;
    if (listPrice !== null && price > listPrice) entry.aboveList = true;
    pos.set(po, entry);
  }
  const compliance = { due: pos.size, compliant: 0, lateOrShort: 0, aboveList: 0 };
  for (const { complete, aboveList } of pos.values()) {
    if (complete && !aboveList) compliance.compliant += 1;
    if (!complete) compliance.lateOrShort += 1;
    if (aboveList) compliance.aboveList += 1;
  }
  const [receipts = 0, lines = 0, received = 0, accepted = 0, rejected = 0, rejectedLines = 0] = (sqlite
    .prepare(
      `select count(distinct g.id), count(r.id), coalesce(sum(r.received), 0), coalesce(sum(r.accepted), 0),
              coalesce(sum(r.rejected), 0), coalesce(sum(case when r.rejected > 0 then 1 else 0 end), 0)
         from goods_receipts g join purchase_orders p on p.id = g.purchase_order_id
         join goods_receipt_lines r on r.goods_receipt_id = g.id
        where p.supplier_id = @supplier and g.received_at >= @fromAt and g.received_at < @toAt`,
    )
    .raw()
    .get({
      supplier: supplierId,
      fromAt: dayStartIn(context.timeZone, period.from),
      toAt: dayStartIn(context.timeZone, addDays(period.to, 1)),
    }) ?? []) as number[];
  return {
    period,
    onTime,
    quality: { receipts, lines, received, accepted, rejected, rejectedLines },
    price: priceVariance(db, params),
    compliance,
  };
}

function priceVariance(
  db: Db,
  params: { supplier: number; from: string; to: string },
): SupplierScorecard["price"] {
  const rows = db.$client
    .prepare(
      `select l.qty, l.unit_price,
              (select sp.unit_price from supplier_items si join supplier_prices sp on sp.supplier_item_id = si.id
                where si.supplier_id = p.supplier_id and si.item_id = l.item_id and sp.valid_from <= p.approved_day
                order by sp.valid_from desc limit 1),
              (select l2.unit_price from purchase_order_lines l2 join purchase_orders p2 on p2.id = l2.purchase_order_id
                where p2.supplier_id = p.supplier_id and l2.item_id = l.item_id and p2.status in (${bound})
                  and (p2.approved_day < p.approved_day or (p2.approved_day = p.approved_day and p2.id < p.id))
                order by p2.approved_day desc, p2.id desc limit 1)
         from purchase_orders p join purchase_order_lines l on l.purchase_order_id = p.id
        where p.supplier_id = @supplier and p.status in (${bound}) and p.approved_day between @from and @to`,
    )
    .raw()
    .all(params) as [number, number, number | null, number | null][];
  const price = {
    lines: 0,
    vsList: 0,
    vsPrevious: 0,
    noReference: 0,
    above: 0,
    below: 0,
    reference: 0,
    variance: 0,
  };
  for (const [qty, paid, listed, previous] of rows) {
    price.lines += 1;
    const reference = listed ?? previous;
    if (reference === null) {
      price.noReference += 1;
      continue;
    }
    if (listed !== null) price.vsList += 1;
    else price.vsPrevious += 1;
    if (paid > reference) price.above += 1;
    if (paid < reference) price.below += 1;
    price.reference += reference * qty;
    price.variance += (paid - reference) * qty;
  }
  return price;
}

/** A scorecard in one line's worth of numbers, frozen on a PO's approval card. */
export interface ScoreSummary {
  days: number;
  onTime: [number, number];
  quality: [number, number];
  price: [number, number];
  compliance: [number, number];
}

/** The approval card's figures: on time / due, accepted / received, variance / reference, compliant / due. */
export function summariseScore(card: SupplierScorecard): ScoreSummary {
  return {
    days: daysBetween(card.period.from, card.period.to) + 1,
    onTime: [card.onTime.onTime, card.onTime.due],
    quality: [card.quality.accepted, card.quality.received],
    price: [card.price.variance, card.price.reference],
    compliance: [card.compliance.compliant, card.compliance.due],
  };
}
