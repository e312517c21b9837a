// The CLI speaks the reader's language: every command's help and a whole audit run (progress, summary, result)
// in zh-CN, he and fa contain no English words, only names and tokens that stay Latin in every language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.ts';
import { setLocale, t } from '../../src/cli/text.ts';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import type { Locale } from '../../src/i18n/messages/define.ts';
import type { Report } from '../../src/report/schema.ts';
import { runCli } from './support/run-cli.ts';

// Names and tokens a reader types or sees as they are, in every language (as lhci's or git's would be).
const NAMES = new Set(
  [
    // products, formats and standards
    'Lighthouse', 'Shopify', 'JSON', 'HTML', 'Markdown', 'JUnit', 'XML', 'CDN', 'HTTP', 'PostgreSQL', 'pg', 'boss',
    'Web', 'Bot', 'Auth', 'ISO', 'USD', 'EUR', 'IANA', 'cron', 'webhooks', 'localhost', 'npm', 'schemaVersion',
    // values the flags take, and the commands' own names
    'load', 'checkout', 'links', 'mobile', 'desktop', 'both', 'json', 'html', 'markdown', 'junit', 'en', 'zh', 'CN',
    'he', 'fa', 'daily', 'weekly', 'defective', 'fixed', 'three', 'one', 'page', 'storefront', 'audit', 'start',
    'serve', 'worker', 'enqueue', 'schedule', 'add', 'list', 'remove', 'runs', 'demo', 'store', 'help', 'Europe',
    'Berlin', 'LANG', 'PORT', 'HOST', 'FILE', 'options', 'command', 'budget', 'report', 'your', 'com', 'exit',
    'webhook', 'warn', 'error',
  ].map((w) => w.toLowerCase()),
);

/**
 * The Latin-script words of `text` that are neither data (URLs, flags, placeholders, quoted examples, the
 * `data` strings given) nor names.
 */
function english(text: string, data: readonly string[] = []): string[] {
  const stripped = data
    .reduce((rest, value) => rest.replaceAll(value, ' '), text)
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(^|[\s\u200e\u200f(])\/[\w\-./]+/g, ' ')
    .replace(/(^|[\s\u200e\u200f(])--?[\w-]+/g, ' ')
    .replace(/<[^>]*>|\[[a-z ]+\]/g, ' ')
    .replace(/"[^"]*"/g, ' ')
    .replace(/\S*[./]\S*\.(json|html|md|xml)\b/g, ' ')
    .replace(/\.\/\S+/g, ' ');
  return (stripped.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !NAMES.has(w.toLowerCase()));
}

function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

describe('the CLI in zh-CN, he and fa', () => {
  it('the check finds English: every command in English fails it', () => {
    setLocale('en');
    const words = allCommands(buildProgram(() => undefined)).flatMap((c) => english(c.helpInformation()));
    expect(words).toEqual(expect.arrayContaining(['the', 'dashboard', 'Queue', 'history']));
  });

  it.each(['zh-CN', 'he', 'fa'] satisfies Locale[])('%s: the help of every command and subcommand has no English', (locale) => {
    setLocale(locale);
    try {
      const commands = allCommands(buildProgram(() => undefined));
      expect(commands.length).toBeGreaterThan(10);
      for (const command of commands) {
        const argumentNames = command.registeredArguments.map((a) => a.name());
        expect(english(command.helpInformation(), argumentNames), `${locale} ${command.name()}`).toEqual([]);
      }
      expect(english(t('help.exitCodes')), `${locale} exit codes`).toEqual([]);
    } finally {
      setLocale('en');
    }
  });

  let store: DemoStore;
  beforeAll(async () => {
    store = await startDemoStore({ variant: 'fixed' });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('he: an audit prints its progress, summary and result without English; LANG alone selects it too', async () => {
    // The checkout journey too: its progress lines come from the audit, not the engine.
    const run = await runCli(['audit', store.url, '--only', 'checkout,links', '--locale', 'he', '--no-config', '--json', '-'], {});
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(4);
    // Fix titles the advisor still sends only in English (no `fix.text`) are the report's data, shown as kept,
    // like the admin's lang="en" fallbacks; everything the CLI itself says must be translated.
    const report = JSON.parse(run.stdout) as Report;
    const englishOnly = report.fixes.filter((f) => !f.text).map((f) => f.title);
    expect(lines.filter((line) => english(line, englishOnly).length).map((line) => `${line} -> ${english(line, englishOnly).join(' ')}`)).toEqual([]);
    expect(run.stderr).toContain('מאתר את הדפים של');
    expect(run.stderr).toContain('קופה: פותח את העגלה');
    expect(run.stderr).toContain('קופה: הגיע לשלב התשלום');

    const byLang = await runCli(['audit', store.url, '--only', 'links', '--no-config', '--json', '-'], { env: { LANG: 'fa_IR.UTF-8' } });
    expect(byLang.code, byLang.stderr).toBe(0);
    const byLangFixes = (JSON.parse(byLang.stdout) as Report).fixes.filter((f) => !f.text).map((f) => f.title);
    expect(byLang.stderr.split('\n').filter((line) => english(line, byLangFixes).length)).toEqual([]);
  }, 180_000);
});
