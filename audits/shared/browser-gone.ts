// A killed or crashed Chromium rejects every pending protocol call with puppeteer's TargetCloseError. Lighthouse
// sends some of those calls from its own event handlers (its TargetManager re-arms auto-attach on each main-frame
// navigation) and rethrows the rejection where no caller can catch it. Left alone, one Chrome crash mid-run would
// end the whole server or worker as an unhandled rejection, although the run already reports the crash on its
// page. These leftovers carry nothing more, so they are absorbed; every other unhandled rejection is not.

/** True for the rejection puppeteer gives a protocol call whose tab, session or browser went away. */
export function isBrowserGoneError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  // By name, not instanceof: Lighthouse may resolve its own copy of puppeteer-core, and a test runner hands on
  // errors serialized from its workers.
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (name === 'TargetCloseError') return true;
  return name === 'ProtocolError' && typeof message === 'string' && /Target closed|Session closed/.test(message);
}

let installed = false;

/** Once per process: absorbs browser-gone rejections, and keeps Node's default (crash) for anything else. */
export function absorbBrowserGoneRejections(): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (isBrowserGoneError(reason)) return;
    // With a listener present Node no longer crashes on its own; when we are the only one, do what it would have.
    if (process.listenerCount('unhandledRejection') === 1) throw reason;
  });
}
