// The CLI's contract with CI scripts: exit codes and one-line errors, never a stack trace.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('storefront-audit usage', () => {
  it('prints help with the audit command and its flags', () => {
    const { code, stdout } = cli('audit', '--help');
    expect(code).toBe(0);
    for (const flag of ['--json', '--html', '--only', '--device', '--runs', '--max-pages', '--budget', '--header']) expect(stdout).toContain(flag);
    expect(stdout).toContain('Exit codes');
  });

  it.each([
    [['audit', 'https://exa mple.com'], /not a valid URL/],
    [['audit', 'nohost'], /no valid host name/],
    [['audit', 'ftp://example.com'], /not an http\(s\) URL/],
    [['audit', 'https://example.com', '--only', 'speed'], /--only: unknown "speed"/],
    [['audit', 'https://example.com', '--runs', '0'], /--runs must be a whole number/],
    [['audit', 'https://example.com', '--header', 'no-colon'], /--header must look like/],
    [['audit', 'https://example.com', '--config', '/nonexistent/config.json'], /cannot read .*config\.json/],
  ])('refuses %j with one clear line and exit 2', (args, message) => {
    const { code, stderr } = cli(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reports an unreachable store in one line with exit 2', () => {
    const { code, stderr } = cli('audit', 'http://127.0.0.1:9', '--only', 'links');
    expect(code).toBe(2);
    expect(stderr).toMatch(/127\.0\.0\.1:9/);
    expect(stderr).toMatch(/unreachable|refused|could not/i);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown command with exit 2', () => {
    expect(cli('frobnicate').code).toBe(2);
  });
});
