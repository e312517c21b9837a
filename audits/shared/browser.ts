// One Chromium per process, shared by the audits. Lighthouse and the checkout journey each open a fresh
// incognito context on it, so runs never share cookies or cache, and a crash only costs a relaunch.
import puppeteer, { type Browser, type BrowserContext } from 'puppeteer-core';
import { absorbBrowserGoneRejections } from './browser-gone.ts';
import { findBrowser, NO_BROWSER_HELP } from './browser-path.mjs';

// This network is closed: without these flags Chromium keeps dialling Google's services and stalls.
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--mute-audio',
];

function sandboxFlags(): string[] {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot ? ['--no-sandbox'] : [];
}

export interface BrowserPoolOptions {
  executablePath?: string;
  extraArgs?: string[];
}

export class BrowserPool {
  #browser: Browser | null = null;
  #launching: Promise<Browser> | null = null;
  readonly #options: BrowserPoolOptions;
  launches = 0;

  constructor(options: BrowserPoolOptions = {}) {
    this.#options = options;
  }

  get executablePath(): string {
    const path = this.#options.executablePath ?? findBrowser();
    if (!path) throw new Error(NO_BROWSER_HELP);
    return path;
  }

  /** The live browser, relaunched if the last one died. */
  async get(): Promise<Browser> {
    if (this.#browser?.connected) return this.#browser;
    this.#launching ??= this.#launch().finally(() => {
      this.#launching = null;
    });
    return this.#launching;
  }

  async #launch(): Promise<Browser> {
    absorbBrowserGoneRejections();
    const browser = await puppeteer.launch({
      executablePath: this.executablePath,
      args: [...CHROMIUM_FLAGS, ...sandboxFlags(), ...(this.#options.extraArgs ?? [])],
      defaultViewport: null,
      protocolTimeout: 120_000,
    });
    this.launches += 1;
    browser.on('disconnected', () => {
      if (this.#browser === browser) this.#browser = null;
    });
    this.#browser = browser;
    return browser;
  }

  async newContext(): Promise<BrowserContext> {
    const browser = await this.get();
    return browser.createBrowserContext();
  }

  /** The Chrome process id, so tests can kill it to prove recovery. */
  pid(): number | undefined {
    return this.#browser?.process()?.pid;
  }

  async close(): Promise<void> {
    const browser = this.#browser;
    this.#browser = null;
    await browser?.close().catch(() => undefined);
  }
}
