import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Debian's package; CHROMIUM names another binary. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const candidate of [env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome'].filter(Boolean) as string[]) {
    if (spawnSync(candidate, ['--version'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return null;
}

// No network, no GPU, no scrollbars, one CSS pixel a pixel: the same picture on every machine.
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--hide-scrollbars', '--force-device-scale-factor=1'];

/** Screenshots `html` at `width`, as tall as the frame: a first run measures it, the second takes the picture. */
export function screenshot(chromium: string, html: string, width: number, pngPath: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'cards-'));
  try {
    const measuring = join(dir, 'measure.html');
    const script = "<script>document.body.dataset.height = Math.ceil(document.getElementById('frame').getBoundingClientRect().height)</script>";
    writeFileSync(measuring, html.replace('</body>', `${script}</body>`));
    const dom = run(chromium, [...FLAGS, '--virtual-time-budget=2000', `--window-size=${width},800`, '--dump-dom', pathToFileURL(measuring).href]);
    const height = Number(/data-height="(\d+)"/.exec(dom)?.[1]);
    if (!height) throw new Error(`could not measure the page for ${pngPath}`);
    const page = join(dir, 'page.html');
    writeFileSync(page, html);
    run(chromium, [...FLAGS, '--virtual-time-budget=2000', `--window-size=${width},${height}`, `--screenshot=${pngPath}`, pathToFileURL(page).href]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(chromium: string, args: string[]): string {
  const result = spawnSync(chromium, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`${chromium} failed (${result.status ?? result.signal}): ${result.stderr.slice(-500)}`);
  return result.stdout;
}
