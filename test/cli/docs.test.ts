// The docs cannot drift from the CLI: every flag of `audit --help` is in docs/cli.md's table and nothing else
// is; every npm/npx line of every shell block in README.md, CONTRIBUTING.md and docs/ names a script that
// exists, flags its command has and example files that exist; and every block marked ```sh runnable is run,
// line by line, as a newcomer would: `npm` from the machine's PATH (Node 20 on CI, never our node_modules),
// in a scratch copy of the checkout, against the demo store in place of https://your-store.com. No shell block
// anywhere may run a bare `node file.ts`, or the `storefront-audit` bin that only an installed package has.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from '../../src/demo-store/server.ts';
import { planAudit } from '../../src/cli/audit-plan.ts';
import { formatMessage } from '../../src/i18n/format-message.ts';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.ts';
import pkg from '../../package.json' with { type: 'json' };
import { CLI_STRINGS } from '../../src/i18n/messages/cli.ts';

const DOCS = ['README.md', 'CONTRIBUTING.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const program = buildProgram(() => undefined);
const audit = program.commands.find((c) => c.name() === 'audit')!;

function flagsOf(command: Command): string[] {
  return command.options.map((o) => o.long!).filter(Boolean);
}

interface ShellLine {
  command: string;
  /** The exit code a trailing comment promises (`# exits 1 on …`), else 0. */
  exit: number;
}

function shellBlocks(file: string): { runnable: boolean; lines: string[]; commands: ShellLine[] }[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^```(sh|bash|shell)([^\n]*)\n([\s\S]*?)^```/gm)].map((m) => {
    const raw = m[3]!.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const commands = raw.map((l) => ({ command: l.replace(/\s+#.*$/, ''), exit: Number(/#.*\bexits? (\d)\b/.exec(l)?.[1] ?? 0) }));
    return { runnable: /\brunnable\b/.test(m[2]!), lines: commands.map((c) => c.command), commands };
  });
}

/** Splits a command line the way a POSIX shell does for these simple cases (quotes, no expansions). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** The command a line's words reach (`schedule add` → the add subcommand), and the words after it. */
function commandOf(args: string[]): { command: Command | undefined; rest: string[] } {
  let command: Command = program;
  let i = 0;
  for (; i < args.length; i += 1) {
    const sub = command.commands.find((c) => c.name() === args[i]);
    if (!sub) break;
    command = sub;
  }
  return { command: i === 0 && !args[0]?.startsWith('-') ? undefined : command, rest: args.slice(i) };
}

/** Checks an npm/npx command line: the script exists, the (sub)command has the flags, example files exist. */
function checkNpmLine(where: string, argv: string[]): boolean {
  if (argv[0] !== 'npm' && argv[0] !== 'npx') return false;
  if (argv[0] === 'npx') {
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }), where).toContain(argv[1]);
    return true;
  }
  const [, verb, script] = argv;
  if (verb === 'test' || verb === 'start' || verb === 'ci') return true;
  expect(verb, where).toBe('run');
  expect(Object.keys(pkg.scripts), where).toContain(script);
  if (script !== 'cli') return true;
  const { command, rest } = commandOf(argv.slice(argv.indexOf('--') + 1));
  expect(command, where).toBeDefined();
  const known = [...flagsOf(command!), ...flagsOf(program), '--help', '-h', '--version', '-V'];
  for (const flag of rest.filter((a) => a.startsWith('-'))) expect(known, where).toContain(flag.split('=')[0]);
  // Example files the line reads (a budget, a config) are in the repository.
  for (const [i, arg] of rest.entries()) {
    if ((arg === '--budget' || arg === '--config') && rest[i + 1]?.startsWith('docs/')) expect(existsSync(rest[i + 1]!), where).toBe(true);
  }
  return true;
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

  it('every npm line in the docs works with Node 20 on PATH: npm scripts that exist, flags the command has, files that exist', () => {
    let checked = 0;
    for (const file of DOCS) {
      for (const block of shellBlocks(file)) {
        for (const line of block.lines) {
          expect(line, `${file}: ${line}`).not.toMatch(/^storefront-audit\b/);
          // Leading VAR=value assignments (and a continued line's tail) are the shell's, not the command's.
          const argv = words(line).filter((w, i, all) => !all.slice(0, i + 1).every((x) => /^[A-Z_]+=/.test(x)));
          if (block.runnable) expect(argv[0], `${file}: ${line}`).toMatch(/^(npm|npx)$/);
          if (checkNpmLine(`${file}: ${line}`, argv)) checked += 1;
        }
      }
      // The CI workflow's steps too: `run: npm …` lines of the YAML blocks.
      for (const m of readFileSync(file, 'utf8').matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)) {
        for (const run of m[1]!.matchAll(/^\s*(?:- )?run: (npm .*)$/gm)) {
          if (checkNpmLine(`${file}: ${run[1]}`, words(run[1]!.replace(/\s+#.*$/, '').split(/\s+(?:&&|\|\|)\s+/)[0]!))) checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('the example config file is the one docs/cli.md shows, and the CLI accepts it and the example budget', async () => {
    const doc = readFileSync('docs/cli.md', 'utf8');
    const shown = /^```json\n([\s\S]*?)^```/m.exec(doc)?.[1];
    expect(shown).toBe(readFileSync('docs/examples/storefront-audit.config.json', 'utf8'));
    const result = await planAudit('https://your-store.com', { config: 'docs/examples/storefront-audit.config.json', budget: 'docs/examples/budget.json' }, { cwd: process.cwd(), env: {} });
    expect(result.errors.map((e) => formatMessage(e, 'en', { isolate: false }))).toEqual([]);
    expect(result.plan!.specs.length).toBeGreaterThan(8);
  });

  describe('every block marked runnable runs', () => {
    let store: DemoStore;
    let scratch: string;
    beforeAll(async () => {
      store = await startDemoStore();
      scratch = mkdtempSync(join(tmpdir(), 'docs-runnable-'));
    });
    afterAll(async () => {
      await store?.close();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    });

    // What a newcomer's shell has: the machine's PATH without our node_modules/.bin (so `node` is the
    // machine's, Node 20 on CI), and none of the npm_* variables of the `npm test` that runs this file.
    const PATH = (process.env.PATH ?? '').split(delimiter).filter((p) => !p.includes('node_modules')).join(delimiter);
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_|^NODE_OPTIONS$|^VITEST|^INIT_CWD$/i.test(k)));

    /** A checkout of our own: package.json and docs copied (commands write beside them), the rest linked. */
    function checkout(name: string): string {
      const dir = join(scratch, name);
      mkdirSync(dir);
      cpSync('package.json', join(dir, 'package.json'));
      cpSync('docs', join(dir, 'docs'), { recursive: true });
      for (const entry of ['node_modules', 'src', 'audits', 'test', 'plugin', 'tsconfig.json']) symlinkSync(resolve(entry), join(dir, entry));
      mkdirSync(join(dir, 'tmp'));
      return dir;
    }

    function sh(command: string, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
      return new Promise((done) => {
        const child = spawn('sh', ['-c', command], { cwd, env: { ...env, PATH, CI: '1', LANG: 'C.UTF-8', LC_ALL: '', TMPDIR: join(cwd, 'tmp') } });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => done({ code, stdout, stderr }));
      });
    }

    it('with the machine\'s npm and node on PATH, not ours', () => {
      const node = spawnSync('sh', ['-c', 'command -v npm && node --version'], { env: { ...env, PATH }, encoding: 'utf8' });
      expect(node.status, node.stderr).toBe(0);
      expect(node.stdout).not.toContain('node_modules');
    });

    const runnable = DOCS.flatMap((file) => shellBlocks(file).filter((b) => b.runnable).map((b, i) => [`${file} #${i + 1}`, b.commands] as const));
    it('there are runnable blocks, with audits among them', () => {
      expect(runnable.length).toBeGreaterThanOrEqual(3);
      expect(runnable.flatMap(([, c]) => c).filter((c) => / audit https:/.test(c.command)).length).toBeGreaterThanOrEqual(3);
    });

    it.each(runnable)('%s', async (name, commands) => {
      const dir = checkout(name.replace(/\W+/g, '-'));
      for (const { command, exit } of commands) {
        const run = await sh(command.replaceAll('https://your-store.com', store.url), dir);
        expect(run.code, `${command}\n${run.stderr.slice(-2000)}`).toBe(exit);
        expect(run.stderr, command).not.toMatch(/\n\s+at |ERR_UNKNOWN_FILE_EXTENSION|Unknown file extension/);
        // The files a line names exist afterwards, in the checkout (npm runs scripts in the package root).
        const args = words(command);
        for (const flag of ['--json', '--html', '--markdown', '--junit']) {
          const target = args[args.indexOf(flag) + 1];
          if (args.includes(flag) && target !== '-') expect(existsSync(join(dir, target!)), `${command}: ${target}`).toBe(true);
        }
        if (args.includes('--output-dir')) expect(readdirSync(join(dir, args[args.indexOf('--output-dir') + 1]!)).length, command).toBeGreaterThan(0);
        if (args.includes('--help') || args.includes('--version')) expect(run.stdout.trim().length, command).toBeGreaterThan(0);
        store.resetTransient();
      }
    }, 240_000);
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
