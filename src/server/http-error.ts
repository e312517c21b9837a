// A refusal the HTTP API answers on purpose: a status, a stable machine code (a key of the 'errors' catalogue,
// src/i18n/messages/errors.ts) with its message parameters, and, for validation failures, the issues found.
// Routes throw it (or call sendError); the error middleware (error-middleware.ts) turns it into
//   {error: {code, message, text: {id, params}, requestId, issues?}}
// with `message` in the request's language. Anything else that reaches the middleware is a real fault: 500.
import type { Request, Response } from 'express';
import { formatMessage, resolveLocale } from '../i18n/format-message.ts';
import type { Locale } from '../i18n/messages/define.ts';
import { messageFn } from '../report/message.ts';
import type { Message, MessageParam } from '../report/schema.ts';
import { ERRORS_STRINGS } from '../i18n/messages/errors.ts';

export type ErrorCode = keyof typeof ERRORS_STRINGS;

export const errorMessage = messageFn('errors', ERRORS_STRINGS);

/** One problem with one input field, as zod reported it (path joined with dots; '' is the whole input). */
export interface ValidationIssue {
  /** Where: 'body', 'query' or 'params'. */
  in: 'body' | 'query' | 'params';
  path: string;
  /** zod's issue code (invalid_type, too_big, invalid_format, …), stable across zod versions 4.x. */
  code: string;
  message: string;
}

export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  readonly code: ErrorCode;
  readonly params: Record<string, MessageParam> | undefined;
  readonly issues: ValidationIssue[] | undefined;
  /** Extra fields some routes add to the error body (e.g. missingHeaders); never anything secret. */
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    status: number,
    code: ErrorCode,
    options: { params?: Record<string, MessageParam>; issues?: ValidationIssue[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.status = status;
    this.code = code;
    this.params = options.params;
    this.issues = options.issues;
    this.extra = options.extra;
  }

  get text(): Message {
    return errorMessage(this.code, this.params);
  }
}

export const badRequest = (code: ErrorCode, params?: Record<string, MessageParam>) => new HttpError(400, code, { params });
export const notFound = (code: ErrorCode = 'not_found', params?: Record<string, MessageParam>) => new HttpError(404, code, { params });
export const conflict = (code: ErrorCode, params?: Record<string, MessageParam>) => new HttpError(409, code, { params });

/** The locale an API answer is written in: the first language of Accept-Language that we ship, else English. */
export function requestLocale(req: Request): Locale {
  const header = req.headers['accept-language'];
  const first = typeof header === 'string' ? header.split(',')[0]?.split(';')[0]?.trim() : undefined;
  return resolveLocale(first);
}

const RTL = new Set<Locale>(['he', 'fa']);

export function errorBody(req: Request, res: Response, error: HttpError) {
  const locale = requestLocale(req);
  const text = error.text;
  return {
    error: {
      code: error.code,
      message: formatMessage(text, locale, { isolate: RTL.has(locale) }),
      text,
      requestId: String(res.locals.requestId ?? ''),
      ...(error.issues && { issues: error.issues }),
      ...error.extra,
    },
  };
}

/** Answers `error` from inside a handler (routes that must not throw: streams, handlers that catch). */
export function sendError(req: Request, res: Response, error: HttpError): void {
  if (error.status === 413 || error.status === 415) res.setHeader('Connection', 'close');
  res.status(error.status).json(errorBody(req, res, error));
}
