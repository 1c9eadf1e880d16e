import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { projectPath } from "../project-path.ts";

/** A slash command as the app's manifest declares it; Slack routes only these to the app. */
export interface DeclaredCommand {
  command: string;
  description: string;
  usageHint: string;
  /** Slack turns typed #channels and @people into `<#C…|name>` / `<@U…|name>` for these. */
  shouldEscape: boolean;
}

const manifestSchema = z.object({
  features: z.object({
    slash_commands: z
      .array(
        z.object({
          command: z.string(),
          description: z.string(),
          usage_hint: z.string().optional(),
          should_escape: z.boolean().optional(),
        }),
      )
      .default([]),
  }),
});

const manifestPath = projectPath("manifest.yml");

/**
 * The slash commands in manifest.yml, read at start: the sandbox refuses others as Slack
 * does, and the page offers these as you type "/", so new commands appear by themselves.
 */
export function declaredSlashCommands(path = manifestPath): DeclaredCommand[] {
  const manifest = manifestSchema.parse(parse(readFileSync(path, "utf8")));
  return manifest.features.slash_commands.map((entry) => ({
    command: entry.command,
    description: entry.description,
    usageHint: entry.usage_hint ?? "",
    shouldEscape: entry.should_escape ?? false,
  }));
}
