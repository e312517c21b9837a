// The stand-in's answers for the main theme's files and the app's web pixel, enforcing what Shopify enforces
// (shopify.dev, GraphQL Admin API 2026-10):
// - themes and their files need read_themes;
// - webPixel needs read_pixels (write_pixels implies it); webPixelCreate / webPixelUpdate need write_pixels and
//   read_customer_events, else a top-level ACCESS_DENIED error with the mutation's field null;
// - settings must be JSON (INVALID_CONFIGURATION_JSON) matching the extension's [settings] definition exactly:
//   every field defined, nothing else, each value a non-empty string for single_line_text_field with min 1
//   (INVALID_SETTINGS); one pixel per app and shop (TAKEN); updating an unknown id is NOT_FOUND.
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import type { StandInShop } from './state.ts';

type Answer = { data?: unknown; errors?: unknown };

const PIXEL_TOML = new URL('../../../plugin/web-pixel/shopify.extension.toml', import.meta.url);

interface FieldDefinition { type: string; validations?: { name: string; value: string }[] }

function pixelFieldDefinitions(): Record<string, FieldDefinition> {
  const toml = parse(readFileSync(PIXEL_TOML, 'utf8')) as { settings?: { fields?: Record<string, FieldDefinition> } };
  return toml.settings?.fields ?? {};
}

export const SHOPIFY_SETTINGS_BANNER =
  '/*\n * ------------------------------------------------------------\n * IMPORTANT: The contents of this file are auto-generated.\n *\n * This file may be updated by the Shopify admin theme editor\n * or related systems. Please exercise caution as any changes\n * made to this file may be overwritten.\n * ------------------------------------------------------------\n */\n';

function accessDenied(field: string, required: string): Answer {
  return {
    data: { [field]: null },
    errors: [{ message: `Access denied for ${field} field. Required access: ${required}`, extensions: { code: 'ACCESS_DENIED', requiredAccess: required } }],
  };
}

export function mainThemeSettings(shop: StandInShop): Answer {
  if (!shop.scopes.includes('read_themes')) return accessDenied('themes', '`read_themes` access scope.');
  const files = shop.settingsData === null ? [] : [{ filename: 'config/settings_data.json', body: { content: shop.settingsData } }];
  return { data: { themes: { nodes: [{ ...shop.mainTheme, files: { nodes: files } }] } } };
}

const canReadPixels = (shop: StandInShop) => shop.scopes.includes('read_pixels') || shop.scopes.includes('write_pixels');
const canWritePixels = (shop: StandInShop) => shop.scopes.includes('write_pixels') && shop.scopes.includes('read_customer_events');
const PIXEL_ACCESS = '`write_pixels` access scope. Also: The app requires read_customer_events access scope and user access permission.';

export function webPixelQuery(shop: StandInShop): Answer {
  if (!canReadPixels(shop)) return accessDenied('webPixel', '`read_pixels` access scope.');
  if (!shop.webPixel) return { data: { webPixel: null }, errors: [{ message: 'No web pixel was found for this app.', extensions: { code: 'NOT_FOUND' } }] };
  return { data: { webPixel: shop.webPixel } };
}

function validateSettings(raw: unknown): { code: string; message: string } | null {
  let settings: unknown = raw;
  if (typeof raw === 'string') {
    try {
      settings = JSON.parse(raw);
    } catch {
      return { code: 'INVALID_CONFIGURATION_JSON', message: 'The provided settings is not a valid JSON.' };
    }
  }
  if (!settings || typeof settings !== 'object' || Array.isArray(settings)) return { code: 'INVALID_CONFIGURATION_JSON', message: 'The provided settings is not a valid JSON.' };
  const definitions = pixelFieldDefinitions();
  const given = settings as Record<string, unknown>;
  const unknownKeys = Object.keys(given).filter((k) => !(k in definitions));
  const problems = [...unknownKeys.map((k) => `${k} is not defined`)];
  for (const [name, definition] of Object.entries(definitions)) {
    const value = given[name];
    if (definition.type === 'single_line_text_field' && (typeof value !== 'string' || /[\r\n]/.test(value))) problems.push(`${name} must be a single line of text`);
    const min = Number(definition.validations?.find((v) => v.name === 'min')?.value ?? 0);
    if (typeof value === 'string' && value.length < min) problems.push(`${name} is too short`);
  }
  return problems.length ? { code: 'INVALID_SETTINGS', message: `The provided settings does not match the expected settings definition on the app: ${problems.join('; ')}` } : null;
}

const userError = (field: string, e: { code: string; message: string }) => ({ field: ['webPixel', field], message: e.message, code: e.code });

export function webPixelCreate(shop: StandInShop, variables: Record<string, unknown>, nextId: () => string): Answer {
  if (!canWritePixels(shop)) return accessDenied('webPixelCreate', PIXEL_ACCESS);
  const input = (variables.webPixel ?? {}) as { settings?: unknown };
  if (shop.webPixel) return { data: { webPixelCreate: { userErrors: [userError('settings', { code: 'TAKEN', message: 'Web pixel is taken.' })], webPixel: null } } };
  const problem = validateSettings(input.settings);
  if (problem) return { data: { webPixelCreate: { userErrors: [userError('settings', problem)], webPixel: null } } };
  shop.webPixel = { id: nextId(), settings: typeof input.settings === 'string' ? input.settings : JSON.stringify(input.settings) };
  return { data: { webPixelCreate: { userErrors: [], webPixel: shop.webPixel } } };
}

export function webPixelUpdate(shop: StandInShop, variables: Record<string, unknown>): Answer {
  if (!canWritePixels(shop)) return accessDenied('webPixelUpdate', PIXEL_ACCESS);
  const input = (variables.webPixel ?? {}) as { settings?: unknown };
  if (!shop.webPixel || shop.webPixel.id !== variables.id) {
    return { data: { webPixelUpdate: { userErrors: [{ field: ['id'], message: "The record with the ID used as the input value couldn't be found.", code: 'NOT_FOUND' }], webPixel: null } } };
  }
  const problem = validateSettings(input.settings);
  if (problem) return { data: { webPixelUpdate: { userErrors: [userError('settings', problem)], webPixel: null } } };
  shop.webPixel = { id: shop.webPixel.id, settings: typeof input.settings === 'string' ? input.settings : JSON.stringify(input.settings) };
  return { data: { webPixelUpdate: { userErrors: [], webPixel: shop.webPixel } } };
}

/** A settings_data.json as the theme editor writes it, with the given app embed blocks. */
export function settingsDataWith(blocks: Record<string, { type: string; disabled?: boolean; settings?: Record<string, unknown> }>): string {
  return `${SHOPIFY_SETTINGS_BANNER}${JSON.stringify({ current: { colors_accent_1: '#121212', blocks }, presets: { Default: {} } }, null, 2)}`;
}
