// Group commit for real-user rows. Requests add rows to the open batch and wait for it; up to `writers`
// writes run at a time (1 on SQLite, whose one connection serialises them anyway; more on PostgreSQL, so a
// batch forms and is sent while the previous one waits for its commit), and whatever arrived meanwhile becomes
// the next batch. A request is acknowledged only after the
// transaction holding its rows committed, so "rows acknowledged" always equals "rows stored". When the rows
// waiting exceed the capacity, or after close(), submit refuses at once (the route answers 503) instead of
// queueing without bound or dropping silently.
//
// One bad submission never takes its batch down: when a batch's write fails, each submission in it is written
// again on its own, so only the one whose rows the database refuses fails; the others are committed and
// acknowledged. A refusal for the data itself (a database data error) is a RowRefusedError, which the routes
// answer with 400 (retrying would not help); anything else stays retryable (503).

export class IngestOverloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestOverloadError';
  }
}

export interface BatchWriterOptions {
  /** A batch is written as soon as it holds this many rows. Default 2000. */
  maxRows?: number;
  /** …or this long after its first row arrived. Default 5 ms. */
  maxDelayMs?: number;
  /** Most rows waiting (open batch + those being written). Default 50,000. */
  capacity?: number;
  /** Most writes in flight at once. Default 1. */
  writers?: number;
}

/** The database refused these rows for what they hold (not for being busy or down). */
export class RowRefusedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RowRefusedError';
  }
}

/** SQLite's primary result codes for refused data: SQLITE_TOOBIG, SQLITE_CONSTRAINT, SQLITE_MISMATCH. */
const SQLITE_DATA_CODES = new Set([18, 19, 20]);

/**
 * Whether a write failed because of the data: the store's own input check, an SQLSTATE of class 22 (data
 * exception, e.g. 22021 a NUL byte in text) or 23 (integrity constraint violation) from PostgreSQL, or
 * node:sqlite's constraint / mismatch / too-big codes (its `errcode` is the extended code; the low byte is the
 * primary one).
 */
export function isDataError(error: unknown): boolean {
  const e = error as { code?: unknown; name?: unknown; errcode?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name === 'StoreError' && e.code === 'invalid-input') return true;
  if (e.code === 'ERR_SQLITE_ERROR' && typeof e.errcode === 'number') return SQLITE_DATA_CODES.has(e.errcode & 0xff);
  return typeof e.code === 'string' && /^2[23][0-9A-Z]{3}$/.test(e.code);
}

/** One submit call: its rows, acknowledged or refused together. */
interface Part<T> {
  rows: T[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Batch<T> {
  parts: Part<T>[];
  size: number;
}

const newBatch = <T>(): Batch<T> => ({ parts: [], size: 0 });

export class BatchWriter<T> {
  readonly #write: (rows: T[]) => Promise<unknown>;
  readonly #maxRows: number;
  readonly #maxDelayMs: number;
  readonly #capacity: number;
  readonly #writers: number;
  #open: Batch<T> = newBatch();
  /** Writes in flight. */
  readonly #writing = new Set<Promise<void>>();
  #writingRows = 0;
  #timer: NodeJS.Timeout | null = null;
  #closed = false;
  /** Rows committed since start (for tests and the bench). */
  stored = 0;

  constructor(write: (rows: T[]) => Promise<unknown>, options: BatchWriterOptions = {}) {
    this.#write = write;
    this.#maxRows = options.maxRows ?? 2000;
    this.#maxDelayMs = options.maxDelayMs ?? 5;
    this.#capacity = options.capacity ?? 50_000;
    this.#writers = Math.max(1, Math.floor(options.writers ?? 1));
  }

  get waiting(): number {
    return this.#open.size + this.#writingRows;
  }

  /** Resolves once the rows are committed; rejects with IngestOverloadError when full or closed, or with the write's error. */
  submit(rows: T[]): Promise<void> {
    if (this.#closed) return Promise.reject(new IngestOverloadError('ingestion is shutting down'));
    if (this.waiting + rows.length > this.#capacity) return Promise.reject(new IngestOverloadError('ingestion buffer is full'));
    const batch = this.#open;
    const done = new Promise<void>((resolve, reject) => batch.parts.push({ rows, resolve, reject }));
    batch.size += rows.length;
    if (batch.size >= this.#maxRows) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), this.#maxDelayMs);
    return done;
  }

  #flush(): void {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#writing.size >= this.#writers || this.#open.size === 0) return;
    const batch = this.#open;
    this.#open = newBatch();
    this.#writingRows += batch.size;
    const write: Promise<void> = this.#writeBatch(batch).finally(() => {
      this.#writing.delete(write);
      this.#writingRows -= batch.size;
      // Rows that arrived during the write go next, without waiting for the timer.
      if (this.#open.size > 0) this.#flush();
    });
    this.#writing.add(write);
  }

  async #writeBatch(batch: Batch<T>): Promise<void> {
    try {
      await this.#write(batch.parts.length === 1 ? batch.parts[0]!.rows : batch.parts.flatMap((p) => p.rows));
      this.stored += batch.size;
      for (const part of batch.parts) part.resolve();
      return;
    } catch (error) {
      if (batch.parts.length === 1) {
        batch.parts[0]!.reject(refusal(error));
        return;
      }
    }
    // The batch's transaction rolled back: write each submission alone, so only a bad one is refused.
    for (const part of batch.parts) {
      try {
        await this.#write(part.rows);
        this.stored += part.rows.length;
        part.resolve();
      } catch (error) {
        part.reject(refusal(error));
      }
    }
  }

  /** Refuses new rows and waits until everything accepted is written. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#writing.size > 0 || this.#open.size > 0) {
      this.#flush();
      await Promise.all([...this.#writing]);
    }
  }
}

function refusal(error: unknown): unknown {
  return isDataError(error) ? new RowRefusedError((error as Error).message, { cause: error }) : error;
}
