import { DomUtils, parseDocument } from 'htmlparser2';

/** Test helpers: fetch a page and query its markup with htmlparser2 (no regexes over HTML). */
type Doc = ReturnType<typeof parseDocument>;
export type El = ReturnType<typeof DomUtils.findAll>[number];

export interface Page {
  status: number;
  headers: Headers;
  body: string;
  doc: Doc;
}

export async function get(url: string, init: RequestInit = {}): Promise<Page> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const body = await res.text();
  return { status: res.status, headers: res.headers, body, doc: parseDocument(body) };
}

/** Elements by tag name whose attributes satisfy `where` (attribute name → exact value, or a predicate). */
export function all(doc: Doc | El, tag: string, where: Record<string, string | ((v: string | undefined) => boolean)> = {}): El[] {
  return DomUtils.findAll((el) => el.name === tag && Object.entries(where).every(([k, v]) =>
    typeof v === 'function' ? v(el.attribs[k]) : el.attribs[k] === v), 'children' in doc ? doc.children : []);
}

export function one(doc: Doc | El, tag: string, where: Record<string, string | ((v: string | undefined) => boolean)> = {}): El {
  const found = all(doc, tag, where);
  if (found.length === 0) throw new Error(`no <${tag}> matching ${JSON.stringify(Object.keys(where))}`);
  return found[0]!;
}

export const textOf = (el: El): string => DomUtils.textContent(el).replace(/\s+/g, ' ').trim();
export const hasClass = (name: string) => (v: string | undefined): boolean => (v ?? '').split(/\s+/).includes(name);
export const endsWith = (suffix: string) => (v: string | undefined): boolean => (v ?? '').endsWith(suffix);
export const includes = (part: string) => (v: string | undefined): boolean => (v ?? '').includes(part);

/** Cookie jar of one: keeps the `cart` cookie between requests like a browser would. */
export class Shopper {
  cookie = '';
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }
  async request(path: string, init: RequestInit = {}): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set('cookie', this.cookie);
    const page = await get(this.base + path, { ...init, headers });
    const set = page.headers.getSetCookie();
    for (const c of set) {
      const pair = c.split(';')[0]!;
      const name = pair.split('=')[0]!;
      const rest = this.cookie.split('; ').filter((p) => p && !p.startsWith(`${name}=`));
      this.cookie = [...rest, pair].join('; ');
    }
    return page;
  }
  post(path: string, form: Record<string, string>): Promise<Page> {
    return this.request(path, { method: 'POST', body: new URLSearchParams(form) });
  }
  postJson(path: string, value: unknown): Promise<Page> {
    return this.request(path, { method: 'POST', body: JSON.stringify(value), headers: { 'content-type': 'application/json' } });
  }
}
