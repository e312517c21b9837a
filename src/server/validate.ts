// The validation layer at the HTTP boundary. Every /api route declares what it accepts with zod schemas for
// its params, query and body, and receives the parsed, typed values:
//
//   router.get('/admin/runs', validated({ query: runsQuery }, async ({ query }, req, res) => { … }));
//
// Before any schema runs, every string of the input (keys included) is checked for NUL and unpaired UTF-16
// surrogates, which PostgreSQL refuses in text and JSONB (a 500 there, silently different data on SQLite).
// A route with a body schema takes application/json only (415 otherwise). Failures become HttpErrors (400
// invalid_params / invalid_query / invalid_body, 404 for params when the schema says so) answered by the error
// middleware, with zod's issues in the request's language. The schemas stay on the handler (ROUTE_SCHEMAS), so
// tests can find every route and what it declares from the router itself.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import { HttpError, requestLocale, type ErrorCode, type ValidationIssue } from './http-error.ts';
import type { Locale } from '../i18n/messages/define.ts';
import { badTextPaths } from '../store/storable-text.ts';

export interface RouteSchemas {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Status for params that fail their schema: 404 when a malformed id simply names nothing (default 400). */
  paramsStatus?: 400 | 404;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ValidInput<S extends RouteSchemas> {
  params: Out<S['params']>;
  query: Out<S['query']>;
  body: Out<S['body']>;
}

export const ROUTE_SCHEMAS = Symbol.for('storefront-auditor.routeSchemas');

export type ValidatedHandler = RequestHandler & { [ROUTE_SCHEMAS]: RouteSchemas };

const ZOD_LOCALES: Record<Locale, () => { localeError: z.core.$ZodErrorMap }> = {
  en: z.locales.en,
  'zh-CN': z.locales.zhCN,
  he: z.locales.he,
  fa: z.locales.fa,
};

export const TEXT_ISSUE = 'NUL characters and unpaired surrogates are not allowed in text';

/** Every string in `value` (object keys too) that no backend would store as sent. */
export function textIssues(where: ValidationIssue['in'], value: unknown): ValidationIssue[] {
  return badTextPaths(value).map((path) => ({ in: where, path, code: 'invalid_text', message: TEXT_ISSUE }));
}

function zodIssues(where: ValidationIssue['in'], error: z.ZodError): ValidationIssue[] {
  return error.issues.slice(0, 20).map((issue) => ({ in: where, path: issue.path.map(String).join('.'), code: issue.code, message: issue.message }));
}

/**
 * The issues of a body that already failed `schema` (a hot route parses without an error map first), in the
 * reader's language. Only called on the failure path, so the localised parse costs nothing on valid bodies.
 */
export function localisedBodyIssues(schema: z.ZodType, value: unknown, locale: Locale): ValidationIssue[] {
  const textProblems = textIssues('body', value);
  if (textProblems.length) return textProblems;
  const parsed = schema.safeParse(value, { error: ZOD_LOCALES[locale]().localeError });
  return parsed.success ? [] : zodIssues('body', parsed.error);
}

const CODE_OF: Record<ValidationIssue['in'], ErrorCode> = { params: 'invalid_params', query: 'invalid_query', body: 'invalid_body' };

function parsePart(where: ValidationIssue['in'], schema: z.ZodType | undefined, value: unknown, locale: Locale, status: number): unknown {
  const textProblems = textIssues(where, value);
  if (textProblems.length) throw new HttpError(status, CODE_OF[where], { issues: textProblems });
  if (!schema) return undefined;
  const parsed = schema.safeParse(value, { error: ZOD_LOCALES[locale]().localeError });
  if (!parsed.success) throw new HttpError(status, CODE_OF[where], { issues: zodIssues(where, parsed.error) });
  return parsed.data;
}

/** Whether the request carries a body (a length, or chunked), as body-parser decides it. */
export function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

/** 415 unless a request with a body declares application/json (charset allowed). */
export function requireJson(req: Request): void {
  if (hasBody(req) && !req.is('application/json')) {
    throw new HttpError(415, 'unsupported_media_type', { params: { expected: { kind: 'code', value: 'application/json' } } });
  }
}

/**
 * Wraps a route handler: validates params, query and body against `schemas` and calls `handler` with the
 * parsed values. Errors the handler throws (or rejects with) go to the error middleware.
 */
export function validated<S extends RouteSchemas>(
  schemas: S,
  handler: (input: ValidInput<S>, req: Request, res: Response, next: NextFunction) => unknown,
): ValidatedHandler {
  const run: RequestHandler = async (req, res, next) => {
    try {
      const locale = requestLocale(req);
      const params = parsePart('params', schemas.params, req.params, locale, schemas.paramsStatus ?? 400);
      const query = parsePart('query', schemas.query, req.query, locale, 400);
      let body: unknown;
      if (schemas.body) {
        requireJson(req);
        body = parsePart('body', schemas.body, req.body, locale, 400);
      }
      await handler({ params, query, body } as ValidInput<S>, req, res, next);
    } catch (error) {
      next(error);
    }
  };
  return Object.assign(run, { [ROUTE_SCHEMAS]: schemas });
}

// ---- Shapes routes share ----

/** Largest id any backend hands out and JavaScript holds exactly (SQLite INTEGER, PostgreSQL BIGINT). */
export const MAX_ID = Number.MAX_SAFE_INTEGER;

/** A row id in a path or query: decimal digits, 1 … 2^53−1. Anything beyond names no row. */
export const idString = z
  .string()
  .regex(/^[0-9]{1,16}$/, 'must be a positive integer')
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_ID));

/** A count or cursor in the query: 0 … 2^53−1. */
export const countString = z
  .string()
  .regex(/^[0-9]{1,16}$/, 'must be a non-negative integer')
  .transform(Number)
  .pipe(z.number().int().min(0).max(MAX_ID));

/** An optional query value: absent or empty means not given; a repeated key (an array) is refused. */
export const optionalQuery = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Text of bounded length (NUL and lone surrogates are refused before any schema runs). */
export const text = (max = 1000) => z.string().max(max);

/** The scheme of `value` when it parses as a URL, else null. */
function schemeOf(value: string): string | null {
  try {
    return new URL(value).protocol;
  } catch {
    return null;
  }
}

/** An absolute http(s) URL; `ftp:`, `file:`, `javascript:`, `data:` … are refused naming the scheme. */
export const httpUrl = z
  .string()
  .max(2048)
  .superRefine((value, ctx) => {
    const scheme = schemeOf(value);
    if (scheme === null) ctx.addIssue({ code: 'custom', message: 'not a URL' });
    else if (scheme !== 'http:' && scheme !== 'https:') ctx.addIssue({ code: 'custom', message: `only http and https URLs are allowed, not ${scheme}` });
  });

/** Throws 400 invalid_url / unsupported_url_scheme unless `value` is an absolute http(s) URL; returns its href. */
export function parseHttpUrl(value: string): string {
  const scheme = schemeOf(value);
  if (scheme === null) throw new HttpError(400, 'invalid_url', { params: { url: { kind: 'url', value: value.slice(0, 200) } } });
  if (scheme !== 'http:' && scheme !== 'https:') throw new HttpError(400, 'unsupported_url_scheme', { params: { scheme: { kind: 'code', value: scheme } } });
  return new URL(value).href;
}

/** Routes that take no input: any query (cache busters), an empty or JSON-object body. */
export const noInput = { body: z.union([z.undefined(), z.object({}).loose()]) } satisfies RouteSchemas;
