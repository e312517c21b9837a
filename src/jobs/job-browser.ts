// The browser of one job attempt. At the time limit it is killed with SIGKILL (a hung Chrome ignores polite
// requests), and it stays dead: a Chrome whose launch was still under way when the limit passed is killed
// the moment it arrives, so no attempt ever leaves a browser behind.
import { BrowserPool, type BrowserPoolOptions } from '../../audits/shared/browser.ts';
import type { Browser } from 'puppeteer-core';

export class JobBrowserPool extends BrowserPool {
  #killed = false;

  constructor(options: BrowserPoolOptions = {}) {
    super(options);
  }

  override async get(): Promise<Browser> {
    if (this.#killed) throw new Error('the browser of this attempt was killed at its time limit');
    const browser = await super.get();
    if (this.#killed) {
      browser.process()?.kill('SIGKILL');
      await browser.close().catch(() => undefined);
      throw new Error('the browser of this attempt was killed at its time limit');
    }
    return browser;
  }

  async kill(): Promise<void> {
    this.#killed = true;
    const pid = this.pid();
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await this.close();
  }
}
