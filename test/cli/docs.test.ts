// The docs cannot drift from the CLI: every flag of `audit --help` is in docs/cli.md's table and nothing else
// is; every fenced block marked ```sh runnable in README.md, CONTRIBUTING.md and docs/ uses only what works
// with Node 20 on PATH (npm run / npx, scripts that exist, flags the command has), and its help/version lines
// really run. No shell block anywhere may run a bare `node file.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.ts';
import { runCli } from './support/run-cli.ts';
import pkg from '../../package.json' with { type: 'json' };
import { CLI_STRINGS } from '../../src/i18n/messages/cli.ts';

const DOCS = ['README.md', 'CONTRIBUTING.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const program = buildProgram(() => undefined);
const audit = program.commands.find((c) => c.name() === 'audit')!;

function flagsOf(command: Command): string[] {
  return command.options.map((o) => o.long!).filter(Boolean);
}

function shellBlocks(file: string): { runnable: boolean; lines: string[] }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^```(sh|bash|shell)([^\n]*)\n([\s\S]*?)^```/gm)].map((m) => ({
    runnable: /\brunnable\b/.test(m[2]!),
    lines: m[3]!.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter((l) => l && !l.startsWith('#')),
  }));
}

/** Splits a command line the way a POSIX shell does for these simple cases (quotes, no expansions). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

describe('docs match the CLI', () => {
  it('docs/cli.md lists exactly the flags `audit --help` shows', () => {
    const doc = readFileSync('docs/cli.md', 'utf8');
    const table = doc.slice(doc.indexOf('| flag | meaning |'), doc.indexOf('## Exit codes'));
    const spans = [...table.matchAll(/`([^`]*)`/g)].map((m) => m[1]!);
    const documented = new Set(spans.flatMap((span) => [...span.matchAll(/(?:^|[\s,])(--[a-z][a-z-]*)/g)].map((m) => m[1]!)));
    const shown = new Set([...flagsOf(audit), '--help', '--version']);
    expect([...documented].sort()).toEqual([...shown].sort());
    const help = audit.helpInformation();
    for (const flag of shown) if (flag !== '--version') expect(help).toContain(flag);
    expect(program.helpInformation()).toContain('--version');
  });

  it('README.md stays short and documents the exit codes', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(250);
    for (const code of ['`0`', '`1`', '`2`', '`3`', '--allow-partial']) expect(readme).toContain(code);
  });

  it('no shell block in the docs runs a bare `node file.ts`', () => {
    for (const file of DOCS) {
      for (const block of shellBlocks(file)) {
        for (const line of block.lines) expect(line, `${file}: ${line}`).not.toMatch(/^(sudo\s+)?node\s+\S+\.ts\b/);
      }
    }
  });

  it('every runnable command works with Node 20 on PATH: npm scripts that exist, flags the command has', async () => {
    const toRun: string[][] = [];
    let checked = 0;
    for (const file of DOCS) {
      for (const block of shellBlocks(file).filter((b) => b.runnable)) {
        for (const line of block.lines) {
          checked += 1;
          const argv = words(line);
          expect(argv[0], `${file}: ${line}`).toMatch(/^(npm|npx)$/);
          if (argv[0] === 'npx') {
            expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }), `${file}: ${line}`).toContain(argv[1]);
            continue;
          }
          const [, verb, script] = argv;
          if (verb === 'test' || verb === 'start' || verb === 'ci') continue;
          expect(verb, `${file}: ${line}`).toBe('run');
          expect(Object.keys(pkg.scripts), `${file}: ${line}`).toContain(script);
          if (script !== 'cli') continue;
          const args = argv.slice(argv.indexOf('--') + 1);
          const command = args[0]?.startsWith('-') ? program : program.commands.find((c) => c.name() === args[0]);
          expect(command, `${file}: ${line}`).toBeDefined();
          const known = [...flagsOf(command!), ...flagsOf(program), '--help', '-h', '--version', '-V'];
          for (const flag of args.filter((a) => a.startsWith('-'))) expect(known, `${file}: ${line}`).toContain(flag.split('=')[0]);
          if (args.includes('--help') || args.includes('--version')) toRun.push(args);
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(toRun.length).toBeGreaterThan(0);
    for (const args of toRun) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout.length).toBeGreaterThan(0);
    }
  });

  it("docs/cli.md's sample summary is what the CLI prints: each line one of the English catalogue's summary lines", () => {
    const doc = readFileSync('docs/cli.md', 'utf8');
    const block = /^```text summary\n([\s\S]*?)^```/m.exec(doc)?.[1];
    expect(block, 'a ```text summary block in docs/cli.md').toBeDefined();
    const lines = block!.split('\n').filter(Boolean);
    // A catalogue pattern as a regular expression: each top-level {placeholder} (plurals included) is some text.
    const toRegex = (pattern: string) => {
      let out = '';
      for (let i = 0, depth = 0; i < pattern.length; i += 1) {
        const ch = pattern[i]!;
        if (ch === '{') depth += 1;
        if (depth === 0) out += ch.replace(/[.*+?^$()|[\]\\/]/g, '\\$&');
        if (ch === '}' && --depth === 0) out += '.+';
      }
      return new RegExp(`^${out}$`);
    };
    const patterns = Object.entries(CLI_STRINGS).filter(([key]) => key.startsWith('summary.')).map(([key, pattern]) => [key, toRegex(pattern)] as const);
    expect(lines.at(-1)).toMatch(/^\/\S+\/reports\/run-\d+\.json$/);
    for (const line of lines.slice(0, -1)) expect(patterns.some(([, re]) => re.test(line)), line).toBe(true);
    // Each kind of line the demo audit prints is there, so the sample cannot shrink to what happens to match.
    for (const key of ['summary.store', 'summary.load', 'summary.checkoutReached', 'summary.links', 'summary.topFixes', 'summary.fix']) {
      const re = patterns.find(([k]) => k === key)![1];
      expect(lines.some((l) => re.test(l)), key).toBe(true);
    }
  });
});
