import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The logger buffers lines (see src/log.ts); these run it in its own process, as `npm start` does.
const tsxLoader = import.meta.resolve("tsx");
const logModule = JSON.stringify(join(process.cwd(), "src/log.ts"));
const run = (script: string) => [
  "--import",
  tsxLoader,
  "--input-type=module",
  "-e",
  `import { createLogger } from ${logModule}; const logger = createLogger({ level: "info" }); ${script}`,
];

describe("createLogger", () => {
  it("writes every buffered line before the process exits", () => {
    const lines = Array.from({ length: 5 }, (_, i) => `logger.info({ n: ${i} }, "line");`).join(" ");
    const result = spawnSync(process.execPath, run(`${lines} process.exit(0);`), { encoding: "utf8" });
    const written = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { n: number });
    expect(written.map((line) => line.n)).toEqual([0, 1, 2, 3, 4]);
  });

  it("writes a lone line within a second while the process runs on", async () => {
    // stderr is written at once, so it marks the moment the line was logged.
    const child = spawn(
      process.execPath,
      run(`logger.info("alone"); process.stderr.write("logged"); setTimeout(() => {}, 5000);`),
    );
    try {
      const loggedAt = new Promise<number>((resolve) => child.stderr.once("data", () => resolve(Date.now())));
      const line = await new Promise<string>((resolve) =>
        child.stdout.once("data", (chunk) => resolve(String(chunk))),
      );
      const writtenAt = Date.now();
      expect(line).toContain('"msg":"alone"');
      expect(writtenAt - (await loggedAt)).toBeLessThan(1000);
    } finally {
      child.kill("SIGKILL");
    }
  });
});
