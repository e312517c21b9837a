// The last step of both ingestion routes: parse (bounded), validate, store, and answer. 204 means the rows are
// committed; a full buffer or a failed write answers 503 with Retry-After, so the sender may retry and
// nothing acknowledged is ever lost. Refusals are the API's usual {error: {code, message, text}} bodies, the
// message in the sender's language (errors catalogue), so a developer debugging the plugin reads a code.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { IngestOverloadError, RowRefusedError } from './batch-writer.ts';
import { HttpError, requestLocale, sendError } from '../server/http-error.ts';
import { localisedBodyIssues } from '../server/validate.ts';

/**
 * Reads any content type as JSON (sendBeacon sends text/plain), refusing bodies over `maxBytes` with 413. A
 * declared oversize length is answered at once and the connection closed, without reading the body (the body
 * parser alone would drain all 20 MB before answering); an undeclared (chunked) one stops at the limit.
 */
export function boundedJson(maxBytes: number): RequestHandler[] {
  const declaredSize: RequestHandler = (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      sendError(req, res, new HttpError(413, 'payload_too_large', { params: { limit: { kind: 'bytes', value: maxBytes } } }));
      return;
    }
    next();
  };
  return [declaredSize, express.json({ type: () => true, limit: maxBytes, strict: true })];
}

export function ingestHandler<S extends z.ZodType>(
  schema: S,
  accept: (shop: string, payload: z.infer<S>) => Promise<unknown>,
  shopOf: (req: Request, res: Response) => string,
  onError: (error: unknown) => void,
): RequestHandler {
  return async (req: Request, res: Response, _next: NextFunction) => {
    const parsed = schema.safeParse(req.body);
    if (!parsed.success) {
      sendError(req, res, new HttpError(400, 'invalid_body', { issues: localisedBodyIssues(schema, req.body, requestLocale(req)) }));
      return;
    }
    try {
      await accept(shopOf(req, res), parsed.data);
      res.status(204).end();
    } catch (error) {
      if (error instanceof RowRefusedError) {
        // The database refused this payload's own values: a client error, and retrying would not help.
        sendError(req, res, new HttpError(400, 'ingest_value_refused'));
        return;
      }
      if (!(error instanceof IngestOverloadError)) onError(error);
      res.setHeader('Retry-After', '1');
      sendError(req, res, new HttpError(503, 'ingest_busy'));
    }
  };
}
