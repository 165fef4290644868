import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/engine/knowledge-base.js';
import { detailsFor, replyTo } from '../../src/replies/reply.js';

// Each row asks a question as an employee would and checks what the answer says, so a sourced
// claim (or a correction from the December 2026 review) cannot silently drift. `from` names the source.

const kb = loadKnowledgeBase();
const now = DateTime.fromISO('2026-12-03', { zone: 'utc' });

interface Claim {
  q: string;
  topic: string;
  from: string;
  says?: string[];
  notSays?: string[];
  cites?: string[];
  notCites?: string[];
}

const claims: Claim[] = [
  // Dates and regions (facts §1; PCPD 15 Oct 2024; OPC 10 Dec 2024)
  { q: 'When did AI training start for Hong Kong members?', topic: 'timeline', from: 'PCPD 2024; facts §1', says: ['resumed', '11 October 2024'], notSays: ['began with'] },
  { q: "When did AI training on Canadian members' data start?", topic: 'timeline', from: 'OPC 2024; facts §1', says: ['resumed', 'December 2024'], notSays: ['began with'] },
  { q: 'Does this apply to our Toronto office?', topic: 'regions', from: 'OPC 2024', says: ['again since 3 November 2025', 'after a pause from December 2024'] },
  { q: 'Is our Hong Kong team affected?', topic: 'regions', from: 'PCPD 2024', says: ['after a pause from 11 October 2024'] },
  { q: 'When did the change take effect?', topic: 'timeline', from: 'UA, PP, ERPN effective dates', says: ['3 November 2025'] },
  { q: 'Does the Nov 3 change apply to US members?', topic: 'regions', from: 'facts §1', says: ['No change to AI training', 'already'] },
  { q: 'When did LinkedIn start training on US data?', topic: 'timeline', from: 'PP effective 18 Sep 2024; facts §1', says: ['18 September 2024', '20 November 2024'], notSays: ['policy update then took effect'] },
  { q: 'Does it apply in Réunion?', topic: 'regions', from: 'PP "Designated Countries"; Réunion is part of France', says: ['European Union'] },
  { q: 'I live in Jersey, does this apply to me?', topic: 'regions', from: 'ERPN covers the Designated Countries and the UK only', says: ['Not covered by our sources'] },
  { q: 'We have people in Toronto and Hong Kong, are they affected?', topic: 'regions', from: 'review #27', says: ['Toronto', 'Hong Kong'] },

  // What is used and what opting out does (ERPN training and product-improvement rows; a6278444)
  { q: 'Which of my data does LinkedIn use to train its AI?', topic: 'data-used', from: 'ERPN l.74-75; a6278444', says: ['group messages', 'content-generating', 'trust and safety'], notSays: ['keeps all of this out'] },
  { q: 'Is it too late to opt out? I am in Singapore', topic: 'timeline', from: 'a6278444; Garante', says: ['content-generating', "can't pull back data already used"], notSays: ['since the start date'] },
  { q: 'Do thumbs up or down ratings on AI answers still get used after I opt out?', topic: 'opt-out-effect', from: 'ERPN l.75; PCMag', says: ['feedback', 'Data Processing Objection form'] },
  { q: 'does opting out work retroactively', topic: 'opt-out-effect', from: 'a6278444', says: ['does not affect training that has already taken place'] },
  { q: 'Will I lose the AI writing assistant if I opt out?', topic: 'opt-out-effect', from: 'a6278444', says: ['keep using'] },

  // Excluded data (setting text; PCMag; ERPN safety rows l.63, l.99)
  { q: 'What data is excluded from the training?', topic: 'data-excluded', from: 'a6278444; PCMag; a5538339', says: ['does not include your private messages', 'as reported by PCMag', 'reason to believe may be under 18'], notSays: ['left out altogether'], cites: ['answer/a5538339'] },
  { q: 'Does LinkedIn use AI to scan my private messages for safety?', topic: 'data-excluded', from: 'ERPN l.63, l.99', says: ['detect harmful content in messages'] },
  { q: 'Give me the short version of what changed', topic: 'overview', from: 'a6278444', says: ['Private messages are not used', 'to train content-generating AI'] },

  // Microsoft (a8059228; PP l.332; ERPN UK row l.77; a1397243)
  { q: 'Is my public LinkedIn post shared with Microsoft if I am in the US?', topic: 'microsoft-sharing', from: 'PP 2025-11-04 l.332', says: ['publicly-shared content', 'Outside the EU/EEA and Switzerland'], cites: ['legal/privacy-policy'] },
  { q: 'How do I stop LinkedIn sharing my data with Microsoft for ads?', topic: 'microsoft-sharing', from: 'ERPN l.164; a8059228', says: ['https://www.linkedin.com/mypreferences/d/categories/ads', 'still see ads'], cites: ['answer/a1397243'] },
  { q: 'I am in London, is my data shared with Microsoft?', topic: 'microsoft-sharing', from: 'ERPN UK row; facts §3', says: ['In the UK:', 'Whether the extra ad sharing applies in the UK is not confirmed'], notSays: ['UK only: Microsoft'] },

  // Legal basis (ERPN; GDPR Art. 6(1)(f) only for the EU/EEA)
  { q: 'What legal basis does LinkedIn use in London?', topic: 'legal-basis', from: 'ERPN', says: ['legitimate interests', 'UK GDPR'] },

  // Opting out (a6278444; facts §4)
  { q: 'how do I opt out?', topic: 'opt-out-how', from: 'a6278444; ERPN l.74', says: ['Data for Generative AI Improvement', 'https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement', 'Ihre Daten zum Schulen von KI-Modellen verwenden', 'Confidentialité des données'], notSays: ['on any device'] },
  { q: 'Is the AI data setting on by default?', topic: 'opt-out-how', from: 'a6278444', says: ['on by default'] },

  // Minors (a6278444; UA minimum age; ERPN 2026 age checks)
  { q: 'Does LinkedIn use data from members under 18?', topic: 'minors', from: 'a6278444; UA l.80; ERPN 2026-08-21', says: ['reason to believe', 'older where local law requires', 'age attestation'], notSays: ['Once they turn 18'] },

  // Recruiting (ERPN l.72; PP l.197)
  { q: 'Will opting out hide me from recruiters?', topic: 'recruiting-features', from: 'ERPN l.72; facts §7', says: ['no link between the AI-data setting and recruiter visibility', 'answer/a7437598', 'https://www.linkedin.com/psettings/data-sharing'], notSays: ['does not hide you'] },

  // Other topics' corrections
  { q: 'How can I protect my content beyond the setting?', topic: 'protect-content', from: 'facts §2', says: ['Of messages, only private messages are excluded'], cites: ['eichsfeldnachrichten'] },
  { q: 'How do I use the Data Processing Objection form?', topic: 'objection-form', from: 'ERPN l.164', says: ['if your data is inaccurate'] },
  { q: 'What have privacy regulators said about this?', topic: 'regulators', from: 'DPC; facts §6', says: ['March 2025', 'not approved'], cites: ['security.nl', 'bitcity.it', 'irishlegal.com'] },
  { q: 'Has the Irish Data Protection Commission approved LinkedIn\'s plan?', topic: 'regulators', from: 'review #28: a regulator is not a place', says: ['not approved'], notSays: ['📍'] },
  { q: 'I am in Berlin, can I ask LinkedIn to delete my data?', topic: 'deleting-content', from: 'ERPN l.160', says: ['https://www.linkedin.com/help/linkedin/ask/TS-DDF'] },

  // The other changes of 3 November 2025 (UA l.47, l.65, l.101, l.256, l.289, l.306; facts §7)
  { q: 'What else changed in the LinkedIn user agreement besides AI?', topic: 'other-changes', from: 'UA; facts §7', says: ['Github, Inc.', 'secondary', 'manipulated media', 'prior notice', 'answer/a1441505'], cites: ['legal/user-agreement'] },
  { q: 'Is GitHub now a LinkedIn affiliate?', topic: 'other-changes', from: 'UA l.47', says: ['Microsoft Corporation or any of its subsidiaries'] },

  // Sources per place (review #30): a region's answer cites that region's sources, not another's
  { q: 'Does it apply in Paris?', topic: 'regions', from: 'review #29-30', says: ['In the EU/EEA', 'not approved'], notSays: ['Dutch AP', 'ICO'], notCites: ['ico.org.uk', 'theregister.com'] },
  { q: 'Does it apply in New York?', topic: 'regions', from: 'review #30', notCites: ['ico.org.uk', 'legal/privacy/eu'] },
];

/** Every text of the answer (the card and its Details), links kept as `<url|title>`, so a claim or a citation can be found in it. */
function answerText(message: { text: string; blocks: unknown[] }): { text: string; sources: string } {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(message.blocks);
  const all = texts.join('\n').replace(/&amp;/g, '&');
  return { text: all, sources: texts.filter((t) => t.startsWith('*Sources')).join('\n') };
}

describe('sourced claims, asked as questions', () => {
  it.each(claims.map((c) => [c.q, c] as const))('%s', (_q, claim) => {
    const { result, message } = replyTo(kb, claim.q, now);
    expect(result.topic, `topic for "${claim.q}"`).toBe(claim.topic);
    const details = detailsFor(kb, { kind: 'question', question: claim.q }, now);
    const { text, sources } = answerText({ text: message.text, blocks: [...message.blocks, ...(details?.blocks ?? [])] });
    for (const s of claim.says ?? []) expect(text, `answer should say "${s}" (${claim.from})`).toContain(s);
    for (const s of claim.notSays ?? []) expect(text, `answer should not say "${s}"`).not.toContain(s);
    for (const s of claim.cites ?? []) expect(sources, `sources should include ${s}`).toContain(s);
    for (const s of claim.notCites ?? []) expect(sources, `sources should not include ${s}`).not.toContain(s);
  });
});
