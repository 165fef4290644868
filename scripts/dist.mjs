// Build steps around `tsc -p tsconfig.build.json`, in Node so they run the same on every platform:
//   node scripts/dist.mjs clean      removes dist/, so no file deleted from src/ survives in the build
//   node scripts/dist.mjs copy-data  copies what the compiled code reads at run time and tsc does not emit
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const path = (relative) => fileURLToPath(new URL(relative, root));

/** Files read at run time next to the code that reads them (see BUILT_IN_DIR in src/knowledge/load.ts). */
const DATA = ['knowledge/data'];

const step = process.argv[2];
if (step === 'clean') {
  rmSync(path('dist'), { recursive: true, force: true });
} else if (step === 'copy-data') {
  for (const dir of DATA) {
    rmSync(path(`dist/${dir}`), { recursive: true, force: true });
    cpSync(path(`src/${dir}`), path(`dist/${dir}`), { recursive: true });
  }
} else {
  process.stderr.write('Usage: node scripts/dist.mjs clean | copy-data\n');
  process.exit(2);
}
