import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { Clock, schedulerRig } from '../reminders/helpers.js';
import { sqliteDatabase } from '../support/databases.js';
import { FakeSlack } from '../support/fake-slack.js';
import { createHarness, homeOpened, type Json, mockSlackApi, USER_ID, visibleText } from '../support/slack-in-process.js';

// An organisation that rewrites the opt-out steps sees its own steps wherever the app gives them:
// on the Home tab and in the reminder card, not only in the answer to "how do I opt out?".
const dir = mkdtempSync(join(tmpdir(), 'org-layer-'));
mkdirSync(join(dir, 'topics'));
writeFileSync(
  join(dir, 'topics/opt-out-how.yml'),
  ['id: opt-out-how', 'steps:', '  - Open the Acme intranet page **LinkedIn settings**.', '  - Follow the **Acme privacy checklist** there.', ''].join('\n'),
);
const kb = loadKnowledgeBase(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("an organisation's opt-out steps", () => {
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('are the checklist on the Home tab', async () => {
    const h = await createHarness({ kb });
    try {
      mockSlackApi('users.info', { ok: true, user: { id: USER_ID, is_admin: false, is_owner: false, is_primary_owner: false } });
      const publish = mockSlackApi('views.publish', { ok: true, view: { id: 'V1' } });
      await h.deliver(homeOpened(USER_ID));
      const text = visibleText(publish.calls[0]?.view as Json);
      expect(text).toContain('Opt out in two steps');
      expect(text).toContain('1. Open the Acme intranet page *LinkedIn settings*.');
      expect(text).toContain("2. Follow the *Acme privacy checklist* there, then press *I've opted out*.");
      expect(text).not.toContain('Data for Generative AI Improvement*.');
    } finally {
      nock.cleanAll();
      await h.close();
    }
  });

  it('are the steps in the reminder card', async () => {
    const database = sqliteDatabase();
    const fake = await new FakeSlack().start();
    const rig = await schedulerRig({ databaseUrl: database.url, fake, clock: new Clock(DateTime.fromISO('2026-11-29T09:00:00Z', { zone: 'utc' })), kb });
    try {
      const card = rig.scheduler.card({ id: 'R1', mentionHere: false }, 0);
      const text = JSON.stringify(card.blocks);
      expect(text).toContain('Open the Acme intranet page *LinkedIn settings*');
      expect(text).not.toContain('Data for Generative AI Improvement');
    } finally {
      await rig.close();
      await fake.stop();
      await database.drop();
    }
  });
});
