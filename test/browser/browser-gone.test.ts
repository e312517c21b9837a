// The process-level guard, in real child processes: a crashed Chromium's leftover protocol rejections must not
// end a server or worker, and any other unhandled rejection must still end it as Node would.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isBrowserGoneError } from '../../audits/shared/browser-gone.ts';

const guard = new URL('../../audits/shared/browser-gone.ts', import.meta.url).href;

function runWithGuard(rejection: string): { status: number | null; stderr: string } {
  const script = `import { absorbBrowserGoneRejections } from ${JSON.stringify(guard)};
absorbBrowserGoneRejections();
${rejection}
setTimeout(() => process.stdout.write('still running'), 50);`;
  const out = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  return { status: out.status, stderr: out.stderr + out.stdout };
}

describe('browser-gone rejections', () => {
  it('recognises puppeteer\'s target-closed errors, by name, also when serialized', () => {
    const closed = Object.assign(new Error('Protocol error (Target.setAutoAttach): Target closed'), { name: 'TargetCloseError' });
    expect(isBrowserGoneError(closed)).toBe(true);
    expect(isBrowserGoneError({ name: 'TargetCloseError', message: 'x' })).toBe(true);
    expect(isBrowserGoneError(Object.assign(new Error('Protocol error: Session closed'), { name: 'ProtocolError' }))).toBe(true);
    expect(isBrowserGoneError(Object.assign(new Error('Protocol error: Invalid parameters'), { name: 'ProtocolError' }))).toBe(false);
    expect(isBrowserGoneError(new Error('Target closed'))).toBe(false);
    expect(isBrowserGoneError('Target closed')).toBe(false);
  });

  it('keeps the process alive after a leftover target-closed rejection', () => {
    const out = runWithGuard("Promise.reject(Object.assign(new Error('Protocol error (Target.setAutoAttach): Target closed'), { name: 'TargetCloseError' }));");
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain('still running');
  });

  it('still ends the process on any other unhandled rejection', () => {
    const out = runWithGuard("Promise.reject(new Error('a real bug'));");
    expect(out.status).not.toBe(0);
    expect(out.stderr).toContain('a real bug');
    expect(out.stderr).not.toContain('still running');
  });
});
