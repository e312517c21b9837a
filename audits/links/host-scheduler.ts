// Runs the crawl's work with a global concurrency limit and a per-host limit, in three priority lanes:
// 1. pages found through links (keeps sequential chains like ?page=N → N+1 moving instead of waiting behind
//    thousands of image checks), 2. checks of what crawled pages referenced (draining them before fetching more
//    pages keeps the set of pending URLs, and so memory, small), 3. sitemap seeds.
// p-limit gives one FIFO per limiter; per-host fairness plus lanes needs this small scheduler.

export interface SchedulerOptions {
  concurrency: number;
  perHost: number;
  /** Per-host override, e.g. the store's own origin gets more connections than an external site. */
  perHostFor?: (host: string) => number;
}

type Task = () => Promise<void>;

export type Lane = 0 | 1 | 2;
export const LINKED_PAGE: Lane = 0;
export const CHECK: Lane = 1;
export const SEED_PAGE: Lane = 2;

class Fifo {
  items: Task[] = [];
  head = 0;
  push(task: Task): void {
    this.items.push(task);
  }
  shift(): Task | undefined {
    if (this.head >= this.items.length) return undefined;
    const task = this.items[this.head];
    this.items[this.head++] = undefined as unknown as Task;
    // Compact now and then so a long crawl does not keep every finished slot.
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return task;
  }
}

interface HostQueue {
  active: number;
  limit: number;
  lanes: [Fifo, Fifo, Fifo];
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

  add(host: string, task: Task, lane: Lane): void {
    let queue = this.#hosts.get(host);
    if (!queue) {
      queue = { active: 0, limit: this.#options.perHostFor?.(host) ?? this.#options.perHost, lanes: [new Fifo(), new Fifo(), new Fifo()] };
      this.#hosts.set(host, queue);
    }
    queue.lanes[lane].push(task);
    this.#queued++;
    this.#pump();
  }

  /** Resolves when nothing is running or queued; rejects with the first task error. */
  idle(): Promise<void> {
    if (this.#active === 0 && this.#queued === 0) return this.#error ? Promise.reject(this.#error) : Promise.resolve();
    return new Promise((resolve, reject) => this.#idle.push(() => (this.#error ? reject(this.#error) : resolve())));
  }

  #take(queue: HostQueue): Task | undefined {
    return queue.lanes[0].shift() ?? queue.lanes[1].shift() ?? queue.lanes[2].shift();
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
