import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { slashCommands } from "../../commands/names.ts";

const schemaPath = new URL(
  "../../../shared/slack-manifest-schema/manifest.schema.1.0.0.json",
  import.meta.url,
);
const manifestPath = new URL("../../manifest.yml", import.meta.url);

function slackValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
}

interface Manifest {
  features: { slash_commands: { command: string }[] };
  settings: Record<string, unknown>;
}

const manifest = parse(readFileSync(manifestPath, "utf8")) as Manifest;

describe("manifest.yml", () => {
  it("passes Slack's own manifest schema", () => {
    const validate = slackValidator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("would be rejected by the same schema when broken", () => {
    const validate = slackValidator();
    const broken = structuredClone(manifest);
    broken.features.slash_commands.push({ command: "no-leading-slash" });
    broken.settings.unknown_setting = true;
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toContain(`/features/slash_commands/${broken.features.slash_commands.length - 1}/command`);
  });

  it("declares exactly the slash commands the app answers", () => {
    const declared = manifest.features.slash_commands.map((c) => c.command).sort();
    expect(declared).toEqual(Object.values(slashCommands).sort());
  });

  it("stays valid when switched to Socket Mode as the README describes", () => {
    const socket = structuredClone(manifest) as unknown as {
      features: { slash_commands: { url?: string }[] };
      settings: {
        socket_mode_enabled: boolean;
        event_subscriptions: { request_url?: string };
        interactivity: Record<string, unknown>;
      };
    };
    socket.settings.socket_mode_enabled = true;
    delete socket.settings.event_subscriptions.request_url;
    delete socket.settings.interactivity.request_url;
    delete socket.settings.interactivity.message_menu_options_url;
    for (const command of socket.features.slash_commands) delete command.url;
    expect(slackValidator()(socket)).toBe(true);
  });
});
