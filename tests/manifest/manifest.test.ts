import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

// Read as any, like a parsed JSON document: the schema test below is what checks its shape.
// biome-ignore lint/suspicious/noExplicitAny: the manifest is free YAML here; the JSON Schema test below checks its shape.
const manifest = yaml.load(readFileSync(fileURLToPath(new URL('../../manifest.yml', import.meta.url)), 'utf8')) as any;
const schema = JSON.parse(readFileSync(fileURLToPath(new URL('./manifest.schema.json', import.meta.url)), 'utf8'));

describe('manifest.yml', () => {
  it("is valid against Slack's own app-manifest schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('has the command, the events, interactivity and the Home tab', () => {
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command)).toEqual(['/linkedin-ai']);
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('asks for exactly the scopes those need', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
      'app_mentions:read',
      'channels:join',
      'chat:write',
      'commands',
      'im:history',
      'users:read',
    ]);
  });
});
