// Request ids and the one place errors become answers.
//   requestIds()      gives every request an id (a sane incoming X-Request-Id from a proxy, else a new UUID),
//                     answered in the X-Request-Id header and in every error body, and logged with 5xx faults.
//   apiNotFound()     JSON 404 (code not_found) for any path no route took.
//   errorHandler()    HttpError → its status and code; the body parser's faults → 400 invalid_json, 413
//                     payload_too_large, 415 unsupported_media_type; a malformed %-escape in the path → 400
//                     invalid_params; anything else is a real fault: logged with the request id, answered
//                     500 `internal` with no detail (no stack, no message text from the fault).
import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AuditTargetRefusedError } from '../shopify/own-domain-guard.ts';
import { errorBody, HttpError } from './http-error.ts';

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIds(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    next();
  };
}

export function apiNotFound(): RequestHandler {
  return (_req, _res, next) => next(new HttpError(404, 'not_found'));
}

interface ParserFault {
  type?: string;
  status?: number;
  statusCode?: number;
  limit?: number;
  expose?: boolean;
}

/** What the body parser (body-parser / raw-body) and Express's router throw at a client's fault. */
function clientFault(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (error instanceof AuditTargetRefusedError) {
    return new HttpError(403, 'audit_target_refused', { params: { reason: error.message } });
  }
  if (!error || typeof error !== 'object') return null;
  const fault = error as ParserFault;
  const status = fault.status ?? fault.statusCode;
  switch (fault.type) {
    case 'entity.parse.failed':
      return new HttpError(400, 'invalid_json', { cause: error });
    case 'entity.too.large':
      return new HttpError(413, 'payload_too_large', { params: { limit: { kind: 'bytes', value: fault.limit ?? 0 } }, cause: error });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_media_type', { params: { expected: { kind: 'code', value: 'application/json; charset=utf-8' } }, cause: error });
    case 'request.aborted':
    case 'request.size.invalid':
      return new HttpError(400, 'invalid_body', { cause: error });
  }
  // Express's router: a path segment that does not %-decode (URIError with status 400).
  if (error instanceof URIError) return new HttpError(400, 'invalid_params', { cause: error });
  // Other 4xx http-errors (zlib faults in a gzip body arrive as 400 with expose) are the client's; keep the status.
  if (status && status >= 400 && status < 500 && fault.expose) return new HttpError(status, status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'invalid_body', { cause: error });
  return null;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const refusal = clientFault(error);
    const requestId = String(res.locals.requestId ?? '');
    if (res.headersSent) {
      // A stream (server-sent events, a file) failed half-way: nothing more can be said to the client.
      if (!refusal) logger.error({ err: error, path: req.path, requestId }, 'request failed after the answer started');
      res.end();
      return;
    }
    if (refusal) {
      if (refusal.status === 413 || refusal.status === 415) res.setHeader('Connection', 'close');
      res.status(refusal.status).json(errorBody(req, res, refusal));
      return;
    }
    logger.error({ err: error, method: req.method, path: req.path, requestId }, 'request failed');
    const internal = new HttpError(500, 'internal', { params: { requestId: { kind: 'code', value: requestId } } });
    res.status(500).json(errorBody(req, res, internal));
  };
}
