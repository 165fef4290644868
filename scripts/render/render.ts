/**
 * `npm run cards:render [-- OUTPUT_DIR]`: the app's cards as JSON, as HTML approximating Slack desktop
 * and, when Chromium is installed, as PNG. Default output: docs/cards/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { blocksToHtml, FRAME_WIDTH } from './blocks-to-html.js';
import { buildCards, type Card, NOW } from './cards.js';
import { escapeHtml } from './mrkdwn-html.js';
import { findChromium, screenshot } from './screenshot.js';

const INSTALL_HINT = 'Chromium not found, so no PNGs (the HTML is written). Install it with `sudo apt-get install -y chromium fonts-lato fonts-noto-color-emoji` (Debian/Ubuntu), or set CHROMIUM to a Chrome/Chromium binary.';

const README = `# Pictures of the cards

Made by \`npm run cards:render\` (scripts/render/): the app's own code builds each card for a fixed date,
${NOW.toISODate()}, with the built-in knowledge base. Each card is saved as JSON (what the app sends to Slack), as HTML
approximating Slack's desktop client and as a PNG screenshot of that HTML taken by headless Chromium.
Open [index.html](index.html) to see them all.

These are approximations, not Slack: fonts (Lato, Noto emoji), spacing and wrapping differ a little, images are
grey boxes and menus are drawn closed. Thread pictures are 480 px wide, as the thread pane on a 1440×900 laptop;
the dashed line at 700 px marks where its first screen ends.

Rerun after changing a card and look at the difference. Without Chromium only the HTML is written.
`;

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'docs/cards');
  mkdirSync(out, { recursive: true });
  const cards = await buildCards(loadKnowledgeBase(process.env.KNOWLEDGE_DIR || undefined));
  const chromium = findChromium();
  if (!chromium) process.stderr.write(`${INSTALL_HINT}\n`);
  for (const card of cards) {
    if (card.warning) process.stderr.write(`warning: ${card.warning}\n`);
    const html = blocksToHtml(card.surface, { frame: card.frame, title: card.title, question: card.question, ephemeral: card.ephemeral });
    writeFileSync(join(out, `${card.name}.json`), `${JSON.stringify(card.surface, null, 2)}\n`);
    writeFileSync(join(out, `${card.name}.html`), html);
    if (chromium) screenshot(chromium, html, FRAME_WIDTH[card.frame], join(out, `${card.name}.png`));
    process.stdout.write(`${card.name}\n`);
  }
  writeFileSync(join(out, 'index.html'), indexPage(cards, chromium !== null));
  writeFileSync(join(out, 'README.md'), README);
  process.stdout.write(`Wrote ${cards.length} cards to ${out}\n`);
}

function indexPage(cards: Card[], pictures: boolean): string {
  const items = cards.map((c) => {
    const picture = pictures ? `<a href="${c.name}.html"><img src="${c.name}.png" alt="${escapeHtml(c.title)}"></a>` : '';
    return `<section><h2>${escapeHtml(c.title)}</h2><p><a href="${c.name}.html">HTML</a> · <a href="${c.name}.json">JSON</a> · ${c.frame}</p>${picture}</section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cards (${NOW.toISODate()})</title>
<style>body { font: 15px/22px Lato, sans-serif; margin: 24px; color: #1d1c1d; } img { border: 1px solid #ddd; max-width: 100%; } section { margin-bottom: 40px; }</style>
</head><body><h1>The app's cards, as of ${NOW.toISODate()}</h1><p>Approximations of Slack's desktop client; see README.md.</p>
${items.join('\n')}
</body></html>
`;
}

await main();
