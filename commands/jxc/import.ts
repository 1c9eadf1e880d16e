import { importKinds } from "../../src/domain/import/report.ts";
import { messages } from "../../src/i18n/index.ts";
import type { EphemeralReply } from "../../src/slack/blocks.ts";
import type { SlashRequest } from "../../src/slack/slash-command.ts";
import { importModal } from "../csv-import/views.ts";
import type { CommandDeps } from "../deps.ts";

/** `/jxc import <kind>`: opens the upload modal; the submission does the import. */
export async function openImport(
  _deps: CommandDeps,
  request: SlashRequest,
  argument: string,
): Promise<EphemeralReply | undefined> {
  const kind = importKinds.find((k) => k === argument.trim().toLowerCase());
  if (!kind) return { text: messages(request.locale).importCsv.usage };
  await request.openModal(importModal(kind, request.locale));
  return undefined;
}
