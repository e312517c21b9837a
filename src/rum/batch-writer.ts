// Group commit for real-user rows. Requests add rows to the open batch and wait for it; one write runs at a
// time, and whatever arrived meanwhile becomes the next batch. A request is acknowledged only after the
// transaction holding its rows committed, so "rows acknowledged" always equals "rows stored". When the rows
// waiting exceed the capacity, or after close(), submit refuses at once (the route answers 503) instead of
// queueing without bound or dropping silently.

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
  /** Most rows waiting (open batch + the one being written). Default 50,000. */
  capacity?: number;
}

interface Batch<T> {
  rows: T[];
  resolve: () => void;
  reject: (error: unknown) => void;
  done: Promise<void>;
}

function newBatch<T>(): Batch<T> {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  done.catch(() => {}); // each waiter handles the rejection; this keeps an unawaited batch from crashing
  return { rows: [], resolve, reject, done };
}

export class BatchWriter<T> {
  readonly #write: (rows: T[]) => Promise<unknown>;
  readonly #maxRows: number;
  readonly #maxDelayMs: number;
  readonly #capacity: number;
  #open: Batch<T> = newBatch();
  #writing: Promise<void> | null = null;
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
  }

  get waiting(): number {
    return this.#open.rows.length + this.#writingRows;
  }

  /** Resolves once the rows are committed; rejects with IngestOverloadError when full or closed, or with the write's error. */
  submit(rows: T[]): Promise<void> {
    if (this.#closed) return Promise.reject(new IngestOverloadError('ingestion is shutting down'));
    if (this.waiting + rows.length > this.#capacity) return Promise.reject(new IngestOverloadError('ingestion buffer is full'));
    const batch = this.#open;
    batch.rows.push(...rows);
    if (batch.rows.length >= this.#maxRows) this.#flush();
    else this.#timer ??= setTimeout(() => this.#flush(), this.#maxDelayMs);
    return batch.done;
  }

  #flush(): void {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    if (this.#writing || this.#open.rows.length === 0) return;
    const batch = this.#open;
    this.#open = newBatch();
    this.#writingRows = batch.rows.length;
    this.#writing = this.#write(batch.rows).then(
      () => {
        this.stored += batch.rows.length;
        batch.resolve();
      },
      (error: unknown) => batch.reject(error),
    ).finally(() => {
      this.#writing = null;
      this.#writingRows = 0;
      // Rows that arrived during the write go next, without waiting for the timer.
      if (this.#open.rows.length > 0) this.#flush();
    });
  }

  /** Refuses new rows and waits until everything accepted is written. */
  async close(): Promise<void> {
    this.#closed = true;
    while (this.#writing || this.#open.rows.length > 0) {
      this.#flush();
      await this.#writing?.catch(() => {});
    }
  }
}
