import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A file of the project (the folder holding package.json), wherever this module runs from:
 * the source tree under tsx, or the bundle that `npm start` builds into dist/.
 */
export function projectPath(...segments: string[]): string {
  return join(projectRoot, ...segments);
}

function findProjectRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, "package.json"))) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json above ${from}`);
  }
}

const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
