import { z } from "zod";
import { JxcError } from "../../src/domain/errors.ts";
import { importCsv } from "../../src/domain/import/import-csv.ts";
import { importKinds } from "../../src/domain/import/report.ts";
import { requirePermission } from "../../src/domain/permissions.ts";
import { messages } from "../../src/i18n/index.ts";
import { localeOf } from "../../src/slack/middleware/attach-locale.ts";
import type { SlackRouter } from "../../src/slack/router.ts";
import { errorText } from "../../src/slack/slash-command.ts";
import { parseJson } from "../../src/text/parse-json.ts";
import type { CommandDeps } from "../deps.ts";
import { callbackIds } from "../names.ts";
import { importActions, importBlocks, noticeModal, reportBlocks, reportText } from "./views.ts";

const maxBytes = 20 * 1024 * 1024;
const metadataSchema = z.object({ kind: z.enum(importKinds) });

/** The upload modal's submission: check, acknowledge with a progress view, import, then report in the modal and a DM. */
export function registerCsvImportSubmission(router: SlackRouter, deps: CommandDeps): void {
  router.view(callbackIds.csvImport, async ({ ack, body, view, context, client }) => {
    const locale = localeOf(context);
    const m = messages(locale).importCsv;
    const userId = body.user.id;
    const request = {
      locale,
      userId,
      requestId: typeof context.requestId === "string" ? context.requestId : "",
    };
    const fieldError = (text: string) =>
      ack({ response_action: "errors", errors: { [importBlocks.file]: text } });

    try {
      requirePermission(deps.db, userId, "catalogue.import");
    } catch (error) {
      return fieldError(errorText(error, request, deps.logger, callbackIds.csvImport));
    }
    const metadata = metadataSchema.safeParse(parseJson(view.private_metadata));
    const file = view.state.values[importBlocks.file]?.[importActions.file]?.files?.[0];
    if (!metadata.success || !file) return fieldError(m.noFile);
    const skipBad = (
      view.state.values[importBlocks.options]?.[importActions.options]?.selected_options ?? []
    ).some((option) => option.value === "skip_bad");

    await ack({ response_action: "update", view: noticeModal(m.working({ name: file.name }), locale) });

    let text: string;
    try {
      const bytes = await download(file.url_private_download, String(context.botToken ?? ""));
      if (bytes.length > maxBytes) throw new JxcError("INVALID_INPUT", { problem: "too_long" });
      const { kind } = metadata.data;
      const report = importCsv(deps.db, deps.clock, kind, bytes, {
        userId,
        skipBad,
        currency: deps.company.currency,
      });
      text = reportText(kind, file.name, report, locale);
    } catch (error) {
      text = errorText(error, request, deps.logger, callbackIds.csvImport);
    }
    await client.views.update({ view_id: view.id, view: noticeModal(text, locale) });
    await client.chat.postMessage({ channel: userId, text, blocks: reportBlocks(text) });
  });
}

/** Slack serves uploaded files only to requests carrying the bot token. */
async function download(url: string, botToken: string): Promise<Buffer> {
  const response = await fetch(url, { headers: { Authorization: `Bearer ${botToken}` } });
  if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
