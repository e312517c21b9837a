// Crawler traps: URL spaces that never end. Each rule stops crawling (never checking) once a URL family stops
// producing new content, and says where, so the report can show what was cut:
// - endless pagination: ?page=N whose pages repeat content already seen in the same series, or go past a depth;
// - filter/sort explosions: too many query-string variants of one path;
// - calendars: date-shaped paths or parameters stepping forever;
// - session ids in URLs: the same page under ever new ids;
// - path loops from relative links (/a/b/a/b/...).
// Each cut is kept twice: an English line in truncatedAt (the report's old field) and a message for readers.
import type { Message } from '../../src/report/schema.ts';
import { trapMessage, type TrapKind } from './finding-text.ts';

export interface TrapOptions {
  /** Highest page number followed in any one ?page= series. */
  maxPaginationDepth: number;
  /** Consecutive pages repeating earlier content before a series is called a trap. */
  repeatedPagesToStop: number;
  /** Query-string variants (other than page) crawled per path. */
  maxQueryVariantsPerPath: number;
  /** Date-shaped URLs crawled per calendar pattern. */
  maxCalendarPages: number;
  maxPathDepth: number;
}

export const DEFAULT_TRAP_OPTIONS: TrapOptions = {
  maxPaginationDepth: 1000,
  repeatedPagesToStop: 2,
  maxQueryVariantsPerPath: 50,
  maxCalendarPages: 36,
  maxPathDepth: 12,
};

const PAGE_PARAMS = ['page', 'p', 'pg', 'paged'];
const SESSION_PARAM = /^(sid|sess|session|sessionid|session_id|phpsessid|jsessionid|aspsessionid\w*|cfid|cftoken|zenid|oscsid)$/i;
const CALENDAR_PARAM = /^(date|day|month|year|week|calendar|cal|start_date|end_date|from|to)$/i;
const DATE_PATH = /\/(19|20)\d{2}\/(0?[1-9]|1[0-2])(\/|$)|\/(19|20)\d{2}-(0[1-9]|1[0-2])/;

interface Series {
  fingerprints: Set<string>;
  repeats: number;
  trapped: boolean;
}

export type Admission = { crawl: true } | { crawl: false; reason: string; family: string };

export class TrapDetector {
  readonly #options: TrapOptions;
  readonly #series = new Map<string, Series>();
  readonly #variants = new Map<string, Set<string>>();
  readonly #calendars = new Map<string, number>();
  /** One line per trap family that was cut, e.g. "/collections/everything?page=N: endless pagination …". */
  readonly truncatedAt = new Map<string, string>();
  /** The same cuts as messages, same keys and order. */
  readonly truncatedText = new Map<string, Message>();

  constructor(options: Partial<TrapOptions> = {}) {
    this.#options = { ...DEFAULT_TRAP_OPTIONS, ...options };
  }

  /** The ?page= series a URL belongs to, or null; the key is the URL without its page parameter. */
  static paginationOf(url: URL): { key: string; page: number } | null {
    for (const name of PAGE_PARAMS) {
      const value = url.searchParams.get(name);
      if (value === null || !/^\d{1,9}$/.test(value)) continue;
      const rest = new URL(url.href);
      rest.searchParams.delete(name);
      return { key: `${rest.pathname}${rest.search}`, page: Number(value) };
    }
    return null;
  }

  /** Called before a same-origin page is crawled. Refusal means "check it, but do not follow its links". */
  admit(href: string): Admission {
    const url = new URL(href);
    const segments = url.pathname.split('/').filter(Boolean);
    if (segments.length > this.#options.maxPathDepth || hasRepeatingRun(segments)) {
      return this.#cut(`${url.pathname.split('/').slice(0, 3).join('/')}/…`, 'repeating or very deep path (relative-link loop)', 'pathLoop');
    }
    for (const name of url.searchParams.keys()) {
      if (SESSION_PARAM.test(name)) return this.#cut(`${url.pathname}?${name}=…`, 'session id in URL', 'sessionId');
    }
    if (/;jsessionid=/i.test(url.pathname)) return this.#cut(`${url.pathname.split(';')[0]};jsessionid=…`, 'session id in URL', 'sessionId');

    const pagination = TrapDetector.paginationOf(url);
    if (pagination) {
      const family = `${pagination.key}${pagination.key.includes('?') ? '&' : '?'}page=N`;
      const series = this.#seriesFor(pagination.key);
      if (series.trapped) return { crawl: false, reason: 'endless pagination', family };
      if (pagination.page > this.#options.maxPaginationDepth) {
        return this.#cut(family, `pagination deeper than ${this.#options.maxPaginationDepth} pages`, 'paginationDepth', this.#options.maxPaginationDepth);
      }
    }

    const calendar = calendarFamily(url);
    if (calendar) {
      const count = (this.#calendars.get(calendar) ?? 0) + 1;
      this.#calendars.set(calendar, count);
      if (count > this.#options.maxCalendarPages) return this.#cut(calendar, `calendar: more than ${this.#options.maxCalendarPages} date pages`, 'calendar', this.#options.maxCalendarPages);
    }

    // Filter/sort combinations: count distinct query strings per path, pagination aside.
    const query = new URLSearchParams(url.search);
    for (const name of PAGE_PARAMS) query.delete(name);
    query.sort();
    const variant = query.toString();
    if (variant) {
      let variants = this.#variants.get(url.pathname);
      if (!variants) this.#variants.set(url.pathname, (variants = new Set()));
      if (!variants.has(variant)) {
        if (variants.size >= this.#options.maxQueryVariantsPerPath) {
          return this.#cut(`${url.pathname}?…`, `more than ${this.#options.maxQueryVariantsPerPath} filter/sort variants`, 'queryVariants', this.#options.maxQueryVariantsPerPath);
        }
        variants.add(variant);
      }
    }
    return { crawl: true };
  }

  /**
   * After a paginated page is parsed: its fingerprint is a digest of the links it shows (pagination links
   * excluded). A page repeating content already seen in its series counts toward calling the series a trap.
   */
  observePage(href: string, fingerprint: string): void {
    const pagination = TrapDetector.paginationOf(new URL(href));
    if (!pagination) return;
    const series = this.#seriesFor(pagination.key);
    if (series.fingerprints.has(fingerprint)) {
      series.repeats++;
      if (series.repeats >= this.#options.repeatedPagesToStop && !series.trapped) {
        series.trapped = true;
        const family = `${pagination.key}${pagination.key.includes('?') ? '&' : '?'}page=N`;
        this.truncatedAt.set(family, `${family}: endless pagination, stopped at page ${pagination.page} (pages repeat earlier content)`);
        this.truncatedText.set(family, trapMessage('endlessPagination', family, { page: pagination.page }));
      }
    } else {
      series.repeats = 0;
      series.fingerprints.add(fingerprint);
    }
  }

  #seriesFor(key: string): Series {
    let series = this.#series.get(key);
    if (!series) this.#series.set(key, (series = { fingerprints: new Set(), repeats: 0, trapped: false }));
    return series;
  }

  #cut(family: string, reason: string, kind: TrapKind, max?: number): Admission {
    if (!this.truncatedAt.has(family)) {
      this.truncatedAt.set(family, `${family}: ${reason}`);
      this.truncatedText.set(family, trapMessage(kind, family, max === undefined ? {} : { max }));
    }
    return { crawl: false, reason, family };
  }
}

function hasRepeatingRun(segments: string[]): boolean {
  // /a/b/a/b/a/b: some run of 1-3 segments repeated three times in a row.
  for (let size = 1; size <= 3; size++) {
    for (let start = 0; start + size * 3 <= segments.length; start++) {
      let repeated = true;
      for (let k = 0; k < size && repeated; k++) {
        const a = segments[start + k];
        repeated = a === segments[start + size + k] && a === segments[start + 2 * size + k];
      }
      if (repeated) return true;
    }
  }
  return false;
}

function calendarFamily(url: URL): string | null {
  if (DATE_PATH.test(url.pathname)) return `${url.pathname.replace(/\/(19|20)\d{2}([/-]\d{1,2}){0,2}.*$/, '')}/<date>`;
  for (const name of url.searchParams.keys()) {
    if (CALENDAR_PARAM.test(name)) return `${url.pathname}?${name}=<date>`;
  }
  return null;
}
