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

  // Every usage error of every command: exactly one line per problem on stderr, nothing on stdout, exit 2,
  // and nothing started first (no worker log line, no server listening: a command that started would hang
  // past spawnSync's timeout and exit with no code).
  it.each([
    [['audit', 'https://example.com', '--runs', '16'], 1],
    [['audit', 'https://example.com', '--runs', '1.5', 'extra'], 2],
    [['audit', 'https://example.com', '--device'], 1],
    [['audit'], 1],
    [['--frobnicate'], 1],
    [['start', '--runs', '16'], 1],
    [['start', '--runs', '0', '--port', 'x'], 2],
    [['serve', '--port', '99999'], 1],
    [['serve', '--port', 'abc'], 1],
    [['demo-store', '--variant', 'nope', '--port', '-1', '--products', 'abc', '--checkout', 'two'], 4],
    [['enqueue'], 1],
    [['enqueue', 'ftp://example.com'], 1],
    [['schedule', 'add', 'https://example.com'], 1],
    [['schedule', 'add', 'https://example.com', '--every', 'hourly'], 1],
    [['schedule', 'frob'], 1],
    [['runs', '--limit', 'x'], 1],
    [['worker', '--frob'], 1],
  ] as [string[], number][])('%j: %i line(s), exit 2, nothing started', (args, lines) => {
    const result = spawnSync(process.execPath, ['src/cli/main.ts', ...args], { encoding: 'utf8', timeout: 20_000, env: { ...process.env, DATA_DIR: '/nonexistent/never-created' } });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    const printed = result.stderr.split('\n').filter(Boolean);
    expect(printed, result.stderr).toHaveLength(lines);
    for (const line of printed) expect(line).toMatch(/^storefront-audit: \S/);
  });
});
