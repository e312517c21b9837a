// Runs the crawl's work with a global concurrency limit and a per-host limit, asset checks before page fetches.
// p-limit gives one FIFO per limiter; the crawler needs per-host fairness and "finish checking what we found
// before fetching more pages" (that ordering keeps the set of pending URLs, and so memory, small), hence this.

export interface SchedulerOptions {
  concurrency: number;
  perHost: number;
  /** Per-host override, e.g. the store's own origin gets more connections than an external site. */
  perHostFor?: (host: string) => number;
}

type Task = () => Promise<void>;

interface HostQueue {
  active: number;
  limit: number;
  checks: Task[];
  checksHead: number;
  pages: Task[];
  pagesHead: number;
}

export class HostScheduler {
  readonly #options: SchedulerOptions;
  readonly #hosts = new Map<string, HostQueue>();
  #active = 0;
  #queued = 0;
  #idle: (() => void)[] = [];
  #error: unknown = null;

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  get queued(): number {
    return this.#queued;
  }

  add(host: string, task: Task, lane: 'check' | 'page'): void {
    let queue = this.#hosts.get(host);
    if (!queue) {
      queue = { active: 0, limit: this.#options.perHostFor?.(host) ?? this.#options.perHost, checks: [], checksHead: 0, pages: [], pagesHead: 0 };
      this.#hosts.set(host, queue);
    }
    (lane === 'check' ? queue.checks : queue.pages).push(task);
    this.#queued++;
    this.#pump();
  }

  /** Resolves when nothing is running or queued; rejects with the first task error. */
  idle(): Promise<void> {
    if (this.#active === 0 && this.#queued === 0) return this.#error ? Promise.reject(this.#error) : Promise.resolve();
    return new Promise((resolve, reject) => this.#idle.push(() => (this.#error ? reject(this.#error) : resolve())));
  }

  #take(queue: HostQueue): Task | undefined {
    if (queue.checksHead < queue.checks.length) {
      const task = queue.checks[queue.checksHead++];
      if (queue.checksHead > 1024 && queue.checksHead * 2 > queue.checks.length) {
        queue.checks = queue.checks.slice(queue.checksHead);
        queue.checksHead = 0;
      }
      return task;
    }
    if (queue.pagesHead < queue.pages.length) {
      const task = queue.pages[queue.pagesHead++];
      if (queue.pagesHead > 1024 && queue.pagesHead * 2 > queue.pages.length) {
        queue.pages = queue.pages.slice(queue.pagesHead);
        queue.pagesHead = 0;
      }
      return task;
    }
    return undefined;
  }

  #pump(): void {
    if (this.#error) return;
    let progressed = true;
    while (progressed && this.#active < this.#options.concurrency) {
      progressed = false;
      for (const queue of this.#hosts.values()) {
        if (this.#active >= this.#options.concurrency) break;
        if (queue.active >= queue.limit) continue;
        const task = this.#take(queue);
        if (!task) continue;
        progressed = true;
        this.#queued--;
        this.#active++;
        queue.active++;
        task()
          .catch((error: unknown) => {
            this.#error ??= error;
          })
          .finally(() => {
            this.#active--;
            queue.active--;
            this.#pump();
            if ((this.#active === 0 && this.#queued === 0) || (this.#error && this.#active === 0)) {
              const waiters = this.#idle;
              this.#idle = [];
              for (const wake of waiters) wake();
            }
          });
      }
    }
  }
}
