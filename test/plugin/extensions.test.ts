// The two Shopify extensions as shipped: the theme app extension passes Theme Check (the theme-app-extension
// config Shopify's CLI uses), the loader stays within its 2 KB gzipped budget, the bundled web-vitals is the
// installed one, and the pixel's privacy settings are those the issue requires.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { check } from '@shopify/theme-check-node';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';

const EXT = new URL('../../plugin/theme-app-extension/', import.meta.url).pathname;
const PIXEL = new URL('../../plugin/web-pixel/', import.meta.url).pathname;
const CONFIG = 'theme-check:theme-app-extension';

describe('theme app extension', () => {
  it('passes Theme Check', async () => {
    expect(await check(EXT, CONFIG)).toEqual([]);
  }, 60_000);

  it('Theme Check would catch a parser-blocking loader (the check is live)', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'tae-'));
    try {
      cpSync(EXT, copy, { recursive: true });
      const block = join(copy, 'blocks/vitals.liquid');
      writeFileSync(block, readFileSync(block, 'utf8').replace('    defer\n', ''));
      const offenses = await check(copy, CONFIG);
      expect(offenses.map((o) => o.check)).toContain('ParserBlockingScript');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);

  it('keeps the loader within 2 KB gzipped and ships the installed web-vitals attribution build', () => {
    const loader = readFileSync(join(EXT, 'assets/vitals-loader.js'));
    expect(gzipSync(loader, { level: 9 }).length).toBeLessThanOrEqual(2048);
    const shipped = readFileSync(join(EXT, 'assets/web-vitals.attribution.iife.js'), 'utf8');
    const installed = readFileSync(new URL('../../node_modules/web-vitals/dist/web-vitals.attribution.iife.js', import.meta.url), 'utf8');
    expect(shipped).toBe(installed);
  });

  it('is an app embed on body with a sampling setting, loading after the page', () => {
    const liquid = readFileSync(join(EXT, 'blocks/vitals.liquid'), 'utf8');
    const schema = JSON.parse(/\{% schema %\}([\s\S]*)\{% endschema %\}/.exec(liquid)?.[1] ?? '{}');
    expect(schema.target).toBe('body');
    expect(schema.settings.map((s: { id: string }) => s.id)).toContain('sample_rate');
    expect(liquid).toContain('request.page_type');
    const loader = readFileSync(join(EXT, 'assets/vitals-loader.js'), 'utf8');
    expect(loader).toContain("addEventListener('load'");
    expect(loader).toContain('analyticsProcessingAllowed');
  });
});

describe('web pixel extension', () => {
  it('declares analytics-only customer privacy and the settings it reads', () => {
    const toml = parse(readFileSync(join(PIXEL, 'shopify.extension.toml'), 'utf8')) as Record<string, Record<string, unknown>>;
    expect(toml.type).toBe('web_pixel_extension');
    expect(toml.runtime_context).toBe('strict');
    expect(toml.customer_privacy).toEqual({ analytics: true, marketing: false, preferences: false, sale_of_data: 'disabled' });
    expect(Object.keys((toml.settings as { fields: object }).fields)).toEqual(['ingestUrl', 'ingestKey']);
  });

  it('subscribes to every funnel event the ingest schema accepts', async () => {
    const source = readFileSync(join(PIXEL, 'src/index.ts'), 'utf8');
    const { FUNNEL_EVENTS } = await import('../../src/rum/payloads.ts');
    for (const event of FUNNEL_EVENTS) expect(source).toContain(`'${event}'`);
  });
});
