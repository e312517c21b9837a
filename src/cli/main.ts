#!/usr/bin/env node
// The `storefront-audit` command. Each subcommand is thin: it parses flags and calls the layers below.
import { Command, CommanderError, Option } from 'commander';
import { EXIT } from './exit-codes.ts';
import { messageOf } from '../engine/errors.ts';
import { registerServiceCommands } from './service-commands.ts';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('storefront-audit')
    .description('Audit a storefront\'s load time, checkout journey and links, and rank fixes by revenue impact.')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('audit')
    .description('Audit one store and write the report')
    .argument('<url>', 'the store URL, e.g. https://your-store.com')
    .option('--json <file>', 'write the JSON report (schemaVersion 1) to FILE, or - for stdout')
    .option('--html <file>', 'write the self-contained HTML report to FILE')
    .option('--only <audits>', 'comma-separated audits to run: load,checkout,links')
    .addOption(new Option('--device <device>', 'device for the load-time audit').choices(['mobile', 'desktop', 'both']))
    .option('--runs <n>', 'Lighthouse runs per page (median is kept); default 3')
    .option('--max-pages <n>', 'page cap for discovery and the link crawl')
    .option('--budget <file>', 'budget JSON; a breach exits with code 1')
    .option('--compare <report.json>', 'a previous JSON report: mark fixes resolved and show the measured change')
    .option('--header <header>', 'extra request header "Name: value" (repeatable), e.g. a Web Bot Auth signature', collect)
    .option('--config <file>', 'JSON config file (headers, checkout selectors, store inputs, budget, ...)')
    .option('--artifacts <dir>', 'where screenshots go')
    .option('--no-allow-private', 'refuse stores on private, loopback or link-local addresses')
    .option('--sessions <n>', 'monthly sessions, for revenue estimates')
    .option('--conversion-rate <rate>', 'conversion rate as a fraction, e.g. 0.021')
    .option('--aov <amount>', 'average order value')
    .option('--currency <code>', 'ISO currency code, e.g. USD')
    .option('--locale <locale>', 'language of the HTML report: en, zh-CN, he, fa')
    .addHelpText('after', '\nExit codes: 0 audit done, 1 a budget was breached, 2 usage error or fatal error.')
    .action(async (url: string, flags) => {
      // Loaded on use: the audit pulls in Lighthouse and Puppeteer, which `--help` should not wait for.
      const { auditCommand } = await import('./audit-command.ts');
      setExitCode(await auditCommand(url, flags));
    });

  registerServiceCommands(program, setExitCode);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT.ok as number;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`storefront-audit: ${messageOf(error)}\n`);
    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.usage;
  }
}

if (import.meta.main) {
  // Long-running commands (start, serve, worker) only return once they are told to stop, so exiting here
  // never cuts a server short, and it keeps idle keep-alive sockets from holding a finished audit open.
  process.exit(await main(process.argv.slice(2)));
}
