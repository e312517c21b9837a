// Connects the funnel pixel (plugin/web-pixel) on a shop: Shopify only runs an app's web pixel once the app has
// created its web pixel record with settings matching the extension's [settings] (shopify.dev, webPixelCreate:
// write_pixels + read_customer_events; INVALID_SETTINGS when they do not match; TAKEN when the app already has
// one). Idempotent: reads the current record first, creates it when missing, updates it only when the ingest URL
// or key changed, and recovers from a create that lost a race (TAKEN) by updating.
import { WEB_PIXEL_CREATE, WEB_PIXEL_QUERY, WEB_PIXEL_UPDATE } from './admin-queries.ts';
import { GraphqlQueryError } from './library.ts';

export interface PixelSettings {
  ingestUrl: string;
  ingestKey: string;
}

export type PixelConnection =
  | { state: 'created' | 'updated' | 'unchanged'; id: string }
  | { state: 'failed'; reason: string; code?: string };

type Run = <T>(document: string, variables?: Record<string, unknown>) => Promise<T>;

interface UserError { field: string[] | null; message: string; code: string | null }
interface PixelRecord { id: string; settings: unknown }

export class PixelConnectError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'PixelConnectError';
    this.code = code;
  }
}

function parseSettings(raw: unknown): Record<string, unknown> | null {
  if (raw && typeof raw === 'object') return raw as Record<string, unknown>;
  if (typeof raw !== 'string') return null;
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return null;
  }
}

async function currentPixel(run: Run): Promise<PixelRecord | null> {
  try {
    return (await run<{ webPixel: PixelRecord | null }>(WEB_PIXEL_QUERY)).webPixel;
  } catch (error) {
    // Shopify answers "no pixel yet" with a NOT_FOUND error rather than null.
    if (error instanceof GraphqlQueryError && /NOT_FOUND|no web pixel/i.test(`${error.message} ${safeJson(error.response)}`)) return null;
    throw error;
  }
}

function failOn(errors: UserError[]): void {
  const first = errors[0];
  if (first) throw new PixelConnectError(first.message, first.code ?? undefined);
}

export async function connectWebPixel(run: Run, settings: PixelSettings): Promise<PixelConnection> {
  const wanted = JSON.stringify({ ingestUrl: settings.ingestUrl, ingestKey: settings.ingestKey });
  try {
    const existing = await currentPixel(run);
    if (existing) {
      const has = parseSettings(existing.settings);
      if (has?.ingestUrl === settings.ingestUrl && has?.ingestKey === settings.ingestKey) return { state: 'unchanged', id: existing.id };
      return { state: 'updated', id: await update(run, existing.id, wanted) };
    }
    const created = await run<{ webPixelCreate: { userErrors: UserError[]; webPixel: PixelRecord | null } }>(WEB_PIXEL_CREATE, { webPixel: { settings: wanted } });
    if (created.webPixelCreate.userErrors.some((e) => e.code === 'TAKEN')) {
      const raced = await currentPixel(run);
      if (!raced) throw new PixelConnectError('Shopify reports a pixel that cannot be read', 'TAKEN');
      return { state: 'updated', id: await update(run, raced.id, wanted) };
    }
    failOn(created.webPixelCreate.userErrors);
    return { state: 'created', id: created.webPixelCreate.webPixel!.id };
  } catch (error) {
    if (error instanceof PixelConnectError) return { state: 'failed', reason: error.message, code: error.code };
    if (error instanceof GraphqlQueryError) {
      // The error's extensions.code (ACCESS_DENIED for missing scopes), wherever the client version nests it.
      const code = /"code":"([A-Z_]+)"/.exec(`${safeJson(error.response)}${safeJson(error.body)}`)?.[1] ?? (/access denied/i.test(error.message) ? 'ACCESS_DENIED' : undefined);
      return { state: 'failed', reason: error.message, code };
    }
    throw error;
  }
}

async function update(run: Run, id: string, settings: string): Promise<string> {
  const updated = await run<{ webPixelUpdate: { userErrors: UserError[]; webPixel: PixelRecord | null } }>(WEB_PIXEL_UPDATE, { id, webPixel: { settings } });
  failOn(updated.webPixelUpdate.userErrors);
  return updated.webPixelUpdate.webPixel!.id;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
