export * from "../../src/sandbox/emulator/block-kit-limits.ts";
