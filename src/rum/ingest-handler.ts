// The last step of both ingestion routes: parse (bounded), validate, store, and answer. 204 means the rows are
// committed; a full buffer or a failed write answers 503 with Retry-After, so the sender may retry and
// nothing acknowledged is ever lost.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import type { z } from 'zod';
import { IngestOverloadError, RowRefusedError } from './batch-writer.ts';
import { describeIssue } from './payloads.ts';

/**
 * Reads any content type as JSON (sendBeacon sends text/plain), refusing bodies over `maxBytes` with 413. A
 * declared oversize length is answered at once and the connection closed, without reading the body (the body
 * parser alone would drain all 20 MB before answering); an undeclared (chunked) one stops at the limit.
 */
export function boundedJson(maxBytes: number): RequestHandler[] {
  const declaredSize: RequestHandler = (req, res, next) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      res.setHeader('Connection', 'close');
      res.status(413).json({ error: `body over ${maxBytes} bytes` });
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
      res.status(400).json({ error: describeIssue(parsed.error) });
      return;
    }
    try {
      await accept(shopOf(req, res), parsed.data);
      res.status(204).end();
    } catch (error) {
      if (error instanceof RowRefusedError) {
        // The database refused this payload's own values: a client error, and retrying would not help.
        res.status(400).json({ error: 'the data could not be stored as sent' });
        return;
      }
      if (!(error instanceof IngestOverloadError)) onError(error);
      res.setHeader('Retry-After', '1');
      res.status(503).json({ error: error instanceof IngestOverloadError ? error.message : 'could not store the data; retry' });
    }
  };
}
