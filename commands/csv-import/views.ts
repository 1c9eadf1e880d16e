import type { KnownBlock, ModalView } from "@slack/types";
import { JxcError } from "../../src/domain/errors.ts";
import { columnSets } from "../../src/domain/import/columns.ts";
import type { ImportKind, ImportReport } from "../../src/domain/import/report.ts";
import { describeError, type Locale, messages } from "../../src/i18n/index.ts";
import { section } from "../../src/slack/blocks.ts";
import { callbackIds } from "../names.ts";

export const importBlocks = { file: "import_file", options: "import_options" } as const;
export const importActions = { file: "file", options: "options" } as const;

const maxErrorLines = 25;

/** The modal in which an admin picks the CSV file; the kind rides in private_metadata. */
export function importModal(kind: ImportKind, locale: Locale): ModalView {
  const m = messages(locale).importCsv;
  return {
    type: "modal",
    callback_id: callbackIds.csvImport,
    private_metadata: JSON.stringify({ kind }),
    title: { type: "plain_text", text: m.title },
    submit: { type: "plain_text", text: m.submit },
    close: { type: "plain_text", text: m.close },
    blocks: [
      section(m.intro({ kind: m.kinds[kind], columns: columnSets[kind].required.join(",") })),
      {
        type: "input",
        block_id: importBlocks.file,
        label: { type: "plain_text", text: m.fileLabel },
        element: {
          type: "file_input",
          action_id: importActions.file,
          filetypes: ["csv", "txt"],
          max_files: 1,
        },
      },
      {
        type: "input",
        block_id: importBlocks.options,
        optional: true,
        label: { type: "plain_text", text: m.optionsLabel },
        element: {
          type: "checkboxes",
          action_id: importActions.options,
          options: [{ text: { type: "plain_text", text: m.skipBad }, value: "skip_bad" }],
        },
      },
    ],
  };
}

/** A modal that only says something (progress, result), with a Close button. */
export function noticeModal(text: string, locale: Locale): ModalView {
  const m = messages(locale).importCsv;
  return {
    type: "modal",
    callback_id: `${callbackIds.csvImport}_notice`,
    title: { type: "plain_text", text: m.title },
    close: { type: "plain_text", text: m.done },
    blocks: [section(text)],
  };
}

/** The import's outcome: counts and created places, or the row-numbered errors. */
export function reportText(kind: ImportKind, fileName: string, report: ImportReport, locale: Locale): string {
  const m = messages(locale).importCsv;
  const lines = [
    report.ok
      ? m.imported({ kind: m.kinds[kind], name: fileName })
      : m.failed({ kind: m.kinds[kind], name: fileName }),
    m.summary(report),
  ];
  if (report.createdWarehouses.length > 0 || report.createdLocations.length > 0) {
    lines.push(
      m.createdPlaces({
        warehouses: report.createdWarehouses.join(", "),
        bins: report.createdLocations.join(", "),
      }),
    );
  }
  const errors = report.errors.slice(0, maxErrorLines).map((e) =>
    m.rowError({
      row: e.row,
      column: e.column ?? "",
      message: describeError(locale, new JxcError(e.code, e.params)),
    }),
  );
  if (report.errors.length > maxErrorLines)
    errors.push(m.moreErrors({ count: report.errors.length - maxErrorLines }));
  return [...lines, ...errors].join("\n");
}

/** Blocks for a DM carrying the same report. */
export function reportBlocks(text: string): KnownBlock[] {
  return [section(text)];
}
