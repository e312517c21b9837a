// Every call to the server's /api. Embedded: each request carries a fresh App Bridge session token, and a 401
// marked X-Shopify-Retry-Invalid-Session-Request is retried once with a new token, which is how App Bridge
// expects an app to recover from an expired or rejected session.
import type { Message } from '../report/schema.ts';
import { sessionToken } from './app-bridge.ts';

export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;
  /** The server's stable error code (see src/server), which the UI shows in the merchant's language. */
  readonly code: string | undefined;
  /** The same error as a message (id + params) when the server sent one, rendered in the reader's language. */
  readonly text: Message | undefined;
  /** Which fields a validation error refused, as "path: reason" in the request's language. */
  readonly issues: readonly string[];
  constructor(status: number, message: string, code?: string, text?: Message, issues: readonly string[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.text = text;
    this.issues = issues;
  }
}

async function authorizedFetch(path: string, init: RequestInit = {}, retried = false): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = await sessionToken();
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401 && response.headers.get('x-shopify-retry-invalid-session-request') && token && !retried) {
    await response.body?.cancel();
    return authorizedFetch(path, init, true);
  }
  return response;
}

async function failure(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`;
  let code: string | undefined;
  let text: Message | undefined;
  const issues: string[] = [];
  try {
    const body = (await response.json()) as { error?: unknown; code?: unknown };
    // Either { error: 'text', code } or { error: { code, message } }.
    if (typeof body.error === 'string') message = body.error;
    else if (body.error && typeof body.error === 'object') {
      const e = body.error as { message?: unknown; code?: unknown };
      if (typeof e.message === 'string') message = e.message;
      if (typeof e.code === 'string') code = e.code;
      const m = (e as { text?: unknown }).text as Message | undefined;
      if (m && typeof m === 'object' && typeof m.id === 'string') text = m;
      // Validation issues name the field (in the request's language), so the merchant sees what to correct.
      const list = (e as { issues?: unknown }).issues;
      if (Array.isArray(list)) {
        for (const i of list as Array<{ path?: unknown; message?: unknown }>) {
          if (typeof i?.message !== 'string') continue;
          issues.push(typeof i.path === 'string' && i.path ? `${i.path}: ${i.message}` : i.message);
        }
      }
    }
    if (typeof body.code === 'string') code = body.code;
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(response.status, message, code, text, issues);
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await authorizedFetch(path);
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export async function sendJson<T>(method: 'POST' | 'PUT', path: string, body: unknown = {}): Promise<T> {
  const response = await authorizedFetch(path, { method, body: JSON.stringify(body) });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** A file the API serves behind the session (screenshots, CSV): fetched with the token, handed out as a blob URL. */
export async function blobUrl(path: string): Promise<string> {
  const response = await authorizedFetch(path);
  if (!response.ok) throw await failure(response);
  return URL.createObjectURL(await response.blob());
}

/** A file the API serves as an attachment (reports): saved under the server's file name, else `fallbackName`. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const response = await authorizedFetch(path);
  if (!response.ok) throw await failure(response);
  const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = named ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Server-sent events over fetch (EventSource cannot send the session token). Calls `onEvent` per event until
 * the stream ends or `signal` aborts.
 */
export async function streamEvents(path: string, onEvent: (event: string, data: unknown) => void, signal: AbortSignal): Promise<void> {
  const response = await authorizedFetch(path, { signal, headers: { accept: 'text/event-stream' } });
  if (!response.ok || !response.body) throw await failure(response);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      if (data.length) onEvent(event, JSON.parse(data.join('\n')));
    }
  }
}
