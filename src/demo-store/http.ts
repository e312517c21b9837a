import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** Response helpers shared by the three origins: gzip for text, Shopify-like headers. */
export type Headers = Record<string, string | number | string[]>;

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml))/;

export function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Headers = {}): void {
  let payload = typeof body === 'string' ? Buffer.from(body) : body;
  const out: Headers = { 'content-type': type, ...headers };
  if (COMPRESSIBLE.test(type) && payload.length > 1024) {
    out['vary'] = 'Accept-Encoding';
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      payload = gzipSync(payload, { level: 1 });
      out['content-encoding'] = 'gzip';
    }
  }
  out['content-length'] = payload.length;
  res.writeHead(status, out);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

export function html(req: IncomingMessage, res: ServerResponse, status: number, body: string, headers: Headers = {}): void {
  // A route may have set a stricter cache-control (cart, checkout) before rendering.
  const defaults: Headers = res.hasHeader('cache-control') ? {} : { 'cache-control': 'private, no-cache' };
  send(req, res, status, 'text/html; charset=utf-8', body, { ...defaults, ...headers });
}

export function json(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, headers: Headers = {}): void {
  send(req, res, status, 'application/json; charset=utf-8', JSON.stringify(value), { 'cache-control': 'no-store', ...headers });
}

export function redirect(res: ServerResponse, status: 301 | 302 | 303, location: string, headers: Headers = {}): void {
  res.writeHead(status, { location, 'content-length': 0, 'cache-control': 'no-store', ...headers });
  res.end();
}

export function text(req: IncomingMessage, res: ServerResponse, status: number, body: string, headers: Headers = {}): void {
  send(req, res, status, 'text/plain; charset=utf-8', body, headers);
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

const MAX_BODY = 64 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readRaw(req)).toString('utf8');
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    const b = c as Buffer;
    size += b.length;
    if (size > MAX_BODY) throw new HttpError(413, `request body larger than ${MAX_BODY} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** A form or JSON body as a flat map (JSON bodies keep their structure under `json`). */
export async function readForm(req: IncomingMessage): Promise<{ form: URLSearchParams; json: unknown }> {
  const raw = await readRaw(req);
  const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    // What a theme's `new FormData(form)` or an enctype="multipart/form-data" form sends; parsed by the
    // platform's own multipart parser (undici's), text fields only.
    try {
      const data = await new Response(new Uint8Array(raw), { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
      const form = new URLSearchParams();
      for (const [k, v] of data.entries()) if (typeof v === 'string') form.append(k, v);
      return { form, json: undefined };
    } catch {
      throw new HttpError(400, 'request body is not valid multipart/form-data');
    }
  }
  const body = raw.toString('utf8');
  if (type === 'application/json') {
    try {
      return { form: new URLSearchParams(), json: body ? JSON.parse(body) : {} };
    } catch {
      throw new HttpError(400, 'request body is not valid JSON');
    }
  }
  if (type === '' || type === 'application/x-www-form-urlencoded' || type === 'text/plain') {
    return { form: new URLSearchParams(body), json: undefined };
  }
  throw new HttpError(415, `unsupported content-type "${type}"; send application/x-www-form-urlencoded or application/json`);
}

export function cookies(req: IncomingMessage): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) {
      try {
        out.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
      } catch {
        // A malformed cookie is ignored, as browsers' servers do.
      }
    }
  }
  return out;
}

export function setCookie(name: string, value: string, maxAgeSeconds = 1209600): string {
  return `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAgeSeconds}; SameSite=Lax`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
