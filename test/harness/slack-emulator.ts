export * from "../../src/sandbox/emulator/slack-emulator.ts";
