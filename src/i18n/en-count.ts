import type { StocktakeLinePosting, StocktakeStatus } from "../../db/tables/stocktakes.ts";
import type { ErrorParams } from "../domain/errors.ts";

// English for stocktakes (/count).

const lines = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "line" : "lines"}`;

const statusWords: Record<StocktakeStatus, string> = {
  counting: "being counted",
  pending_approval: "waiting for approval",
  posted: "posted",
  rejected: "closed (its large variances were rejected)",
  cancelled: "cancelled",
};

/** The stocktake error codes' texts, spread into the catalogue's errors. */
export const enCountErrors = {
  UNKNOWN_ZONE: (p: ErrorParams) =>
    p.known
      ? `No zone \`${p.zone}\` in warehouse ${p.warehouse}. Zones: ${p.known}.`
      : `Warehouse ${p.warehouse} has no zones yet (a bin's zone is set with \`/jxc import bins\`).`,
  NOTHING_TO_COUNT: (p: ErrorParams) => `There is no stock to count in ${p.what}; nothing was started.`,
  COUNT_OVERLAP: (p: ErrorParams) =>
    `${p.number} is still open and already counts ${p.sku} at ${p.place}: finish or cancel it first, or count something else. Nothing was started.`,
  STOCKTAKE_CLOSED: (p: ErrorParams) =>
    `${p.number} is ${statusWords[p.status as StocktakeStatus] ?? p.status} now, so it cannot be counted, finished or cancelled; nothing was changed.`,
  UNCOUNTED_LINES: (p: ErrorParams) =>
    `${p.uncounted} of ${lines(Number(p.total))} of ${p.number} are not counted yet.`,
  OUTSIDE_COUNT: (p: ErrorParams) =>
    `${p.sku} at ${p.place} is outside ${p.number}, which counts ${p.kind === "zone" ? "zone" : p.kind === "bins" ? "bins" : "items"} ${p.label} only: count it in a count of its own.`,
  NOTHING_COUNTED: (p: ErrorParams) =>
    `Nothing on ${p.number} has been counted yet: count it with \`/count ${p.number}\`, or cancel it with \`/count ${p.number} cancel\`.`,
  INSUFFICIENT_STOCK_COUNTING: (p: ErrorParams) =>
    `Not enough stock of ${p.sku} at ${p.place} for ${p.requested}; nothing was changed. ${p.place} is being counted (${p.number}), so its quantity is not shown until the count is finished.`,
};

/** What each stocktake event means, for /jxc route. */
export const enCountEvents = {
  "stocktake.started": "a stocktake was started",
  "stocktake.counted": "lines of a stocktake were counted",
  "stocktake.finished": "a stocktake was finished, with its variance report",
  "stocktake.posted": "a stocktake's approved variances were posted",
  "stocktake.cancelled": "a stocktake was cancelled",
};

export const enCount = {
  count: {
    usage:
      "Usage: `/count` lists open counts · `/count start MAIN` (a whole warehouse), `/count start MAIN zone A`, `/count start MAIN/A-01 A-02` (bins) or `/count start MAIN SCR-M3-10 NUT-M4` (items) · `/count CNT-000001 [<bin>]` to count · `/count CNT-000001 found <sku> <qty> <bin>` for stock that is not on the sheet · `/count CNT-000001 finish` · `/count CNT-000001 cancel`.",
    oneWarehouse: "A count covers one warehouse: name bins of the same warehouse, e.g. `MAIN/A-01 A-02`.",
    mixed: (p: { input: string }) =>
      `\`${p.input}\` does not fit: list either bins or items after the warehouse, not both.`,
    neither: (p: { input: string; warehouse: string }) =>
      `\`${p.input}\` is neither an item nor a bin of ${p.warehouse}.`,
    noSuchBin: (p: { number: string; bin: string }) => `${p.number} has no line in bin \`${p.bin}\`.`,
    started: (p: { number: string; lines: number; scope: string }) =>
      `:clipboard: *${p.number}* started: ${lines(p.lines)} to count in ${p.scope}. The system quantities are hidden until it is finished. Count with \`/count ${p.number}\` or the button below.`,
    countNow: "Count now",
    count: "Count",
    finish: "Finish",
    finishAnyway: "Finish anyway",
    cancel: "Cancel count",
    cancelled: (p: { number: string }) => `*${p.number}* was cancelled; nothing was posted.`,
    foundCounted: (p: {
      number: string;
      qty: string;
      sku: string;
      place: string;
      lineNo: number;
      added: boolean;
      counted: number;
      total: number;
    }) =>
      `:mag: Counted ${p.qty} ${p.sku} at ${p.place} on *${p.number}* (line ${p.lineNo}${p.added ? ", new on the sheet" : ""}) · ${p.counted} of ${lines(p.total)} counted.`,
    uncountedConfirm: (p: { number: string; uncounted: number; total: number; bin: string }) =>
      `${p.uncounted} of ${lines(p.total)} of *${p.number}* are not counted yet (the first in bin ${p.bin}). Finishing now leaves them as they are: no adjustment, and they do not count towards accuracy. Count them with \`/count ${p.number} ${p.bin}\`, or finish anyway.`,
    noneOpen: "No counts are open. Start one with `/count start <warehouse>`.",
    openTitle: "Open counts",
    openLine: (p: { number: string; scope: string; progress: string; status: string; by: string }) =>
      `*${p.number}* · ${p.scope} · ${p.progress} · ${p.status} · started by ${p.by}`,
    progress: (p: { counted: number; total: number }) => `${p.counted} of ${lines(p.total)} counted`,
    scope: {
      warehouse: (p: { warehouse: string }) => `${p.warehouse} (whole warehouse)`,
      zone: (p: { warehouse: string; label: string }) => `${p.warehouse} zone ${p.label}`,
      bins: (p: { warehouse: string; label: string }) => `${p.warehouse} bins ${p.label}`,
      items: (p: { warehouse: string; label: string }) => `${p.warehouse} · items ${p.label}`,
    },
    status: {
      counting: ":mag: counting",
      pending_approval: ":hourglass: waiting for approval",
      posted: ":white_check_mark: posted",
      rejected: ":x: large variances rejected, not posted",
      cancelled: ":heavy_minus_sign: cancelled",
    } satisfies Record<StocktakeStatus, string>,
    posting: {
      none: "no difference",
      posted: "posted",
      pending: "waits for approval",
      rejected: "rejected, not posted",
    } satisfies Record<StocktakeLinePosting, string>,
    sheet: {
      title: (p: { number: string }) => `Count ${p.number}`,
      saveNext: "Save & next",
      save: "Save",
      close: "Close",
      intro: (p: {
        number: string;
        scope: string;
        from: number;
        to: number;
        total: number;
        counted: number;
      }) =>
        `*${p.number}* · ${p.scope}\nLines ${p.from}–${p.to} of ${p.total} · ${p.counted} counted so far.\nCount what is in each bin and type it in any of the item's units (\`12\`, \`3 box\`); \`0\` when there is none; leave a line empty if you have not counted it. *Save* keeps this page and shows the next. Found something that is not listed? \`/count ${p.number} found <sku> <qty> <bin>\`.`,
      saved: (p: { changed: number; counted: number; total: number }) =>
        `:floppy_disk: Saved ${lines(p.changed)} · ${p.counted} of ${p.total} counted.`,
      unitsHint: (p: { units: string }) => `in ${p.units}`,
      doneTitle: "Count saved",
      done: (p: { number: string; counted: number; total: number }) =>
        `:white_check_mark: Saved. ${p.counted} of ${lines(p.total)} of *${p.number}* are counted.`,
      missing: (p: { number: string; uncounted: number; bin: string }) =>
        `${lines(p.uncounted)} not counted yet, the first in bin ${p.bin}: \`/count ${p.number} ${p.bin}\` opens it.`,
      finishHint: (p: { number: string }) =>
        `When everything is counted, finish with \`/count ${p.number} finish\` (or *Finish* on the count in the warehouse channel).`,
    },
    report: {
      title: (p: { number: string }) => `${p.number} · variance report`,
      scopeLine: (p: { scope: string; status: string; by: string }) =>
        `${p.scope} · ${p.status} · finished by ${p.by}`,
      counted: "Counted",
      countedValue: (p: { counted: number; total: number }) => `${p.counted} of ${lines(p.total)}`,
      exact: "Exact",
      exactValue: (p: { exact: number; pct: string }) => `${lines(p.exact)} (${p.pct})`,
      valueAccuracy: "Value accuracy",
      expectedValue: "Expected value",
      variance: "Variance",
      varianceValue: (p: { net: string; gross: string }) => `${p.net} (gross ${p.gross})`,
      posted: "Posted to the ledger",
      waiting: "Waiting for approval",
      rejected: "Rejected, not posted",
      uncounted: "Not counted",
      uncountedValue: (p: { lines: number }) => `${lines(p.lines)}, not adjusted`,
      linesValue: (p: { lines: number; value: string }) => `${lines(p.lines)} · ${p.value}`,
      line: (p: {
        bin: string;
        sku: string;
        name: string;
        expected: string;
        snapshot: string;
        moved: string;
        counted: string;
        variance: string;
        value: string;
        posting: string;
      }) =>
        `\`${p.bin}\` ${p.sku} ${p.name}: expected ${p.expected}${p.moved ? ` (snapshot ${p.snapshot}, moved ${p.moved} during the count)` : ""} · counted ${p.counted} · *${p.variance}* · ${p.value} · ${p.posting}`,
      noVariance: ":tada: Every counted line matched.",
      more: (p: { count: number }) => `…and ${lines(p.count)} more with a difference.`,
      cancelledBy: (p: { number: string; by: string }) =>
        `*${p.number}* was cancelled by ${p.by}; nothing was posted.`,
    },
    card: {
      title: (p: { number: string; scope: string }) => `Stocktake ${p.number} · ${p.scope}`,
      startedBy: "Started by",
      progress: "Progress",
      status: "Status",
      summary: (p: { lineAccuracy: string; valueAccuracy: string; net: string }) =>
        `Line accuracy ${p.lineAccuracy} · value accuracy ${p.valueAccuracy} · variance ${p.net}`,
    },
    thread: {
      counted: (p: { by: string; changed: number; counted: number; total: number }) =>
        `:pencil2: ${p.by} counted ${lines(p.changed)} · ${p.counted} of ${p.total} counted.`,
      finished: (p: {
        by: string;
        counted: number;
        total: number;
        exact: number;
        lineAccuracy: string;
        valueAccuracy: string;
      }) =>
        `:checkered_flag: ${p.by} finished the count: ${p.counted} of ${lines(p.total)} counted, ${p.exact} exact (${p.lineAccuracy}), value accuracy ${p.valueAccuracy}.`,
      postedAtOnce: (p: { lines: number; value: string }) => `Posted at once: ${lines(p.lines)}, ${p.value}.`,
      waiting: (p: { lines: number; value: string }) =>
        `Waiting for approval: ${lines(p.lines)}, ${p.value}.`,
      uncounted: (p: { lines: number }) => `Not counted, not adjusted: ${lines(p.lines)}.`,
      posted: (p: { lines: number; value: string }) =>
        `:package: The approved variances are posted to the stock ledger: ${lines(p.lines)}, ${p.value}.`,
      cancelled: (p: { by: string }) => `:heavy_minus_sign: ${p.by} cancelled the count; nothing was posted.`,
    },
    approval: {
      head: (p: { scope: string; lines: number; value: string; accuracy: string }) =>
        `*${p.scope}* · ${lines(p.lines)} waiting, ${p.value} in all · value accuracy ${p.accuracy}`,
      line: (p: {
        bin: string;
        sku: string;
        name: string;
        expected: string;
        counted: string;
        variance: string;
        value: string;
      }) =>
        `• \`${p.bin}\` ${p.sku} ${p.name}: expected ${p.expected}, counted ${p.counted}, *${p.variance}*, ${p.value}`,
      more: (p: { count: number }) => `_…and ${p.count} more_`,
    },
  },
  /** What /stock says of bins being counted to someone who reads it blind (and on shared cards). */
  stockUnderCount: {
    bin: (p: { number: string }) => `being counted (${p.number})`,
    leftOut: (p: { bins: number; counts: string }) =>
      `:mag: The totals leave out ${p.bins === 1 ? "1 bin" : `${p.bins} bins`} being counted (${p.counts}): counts are blind, so their quantities show again once the count is finished.`,
    textLeftOut: "bins being counted left out",
    listLeftOut: (p: { bins: number }) =>
      `(${p.bins === 1 ? "1 bin" : `${p.bins} bins`} being counted left out)`,
  },
};
