#!/usr/bin/env node
// The `storefront-audit` command. Each subcommand is thin: it parses flags and calls the layers below. This
// module imports only commander, the message catalogues and the validation: `--help`, `--version` and every
// usage error finish before Lighthouse, Puppeteer or any audit is loaded (see docs/benchmarks.md, startup).
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { EXIT } from './exit-codes.ts';
import { messageOf } from '../engine/errors.ts';
import { registerServiceCommands } from './service-commands.ts';
import { isCliKey, localeFromEnv, msg, printErrors, setLocale, shippedLocale, t, type CliKey } from './text.ts';
import type { AuditFlags } from './audit-plan.ts';
import type { Message } from '../report/schema.ts';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

const TITLES: Record<string, Parameters<typeof t>[0]> = {
  'Usage:': 'help.title.usage',
  'Options:': 'help.title.options',
  'Arguments:': 'help.title.arguments',
  'Commands:': 'help.title.commands',
};

/**
 * Descriptions are catalogue keys, formatted only when help is shown: a run that prints no help formats none
 * of them (start-up, docs/cli.md). `describe` marks a key for the type checker.
 */
export const describe = (key: CliKey): string => key;
const shown = (description: string): string => (isCliKey(description) ? t(description) : description);

export function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('storefront-audit')
    .description(describe('help.program'))
    .version(version(), '-V, --version', describe('help.version'))
    .helpOption('-h, --help', describe('help.help'))
    .helpCommand('help [command]', describe('help.helpCommand'))
    .configureHelp({
      styleTitle: (title) => (TITLES[title] ? t(TITLES[title]) : title),
      commandDescription: (cmd) => shown(cmd.description()),
      subcommandDescription: (cmd) => shown(cmd.summary() || cmd.description()),
      // Our own text only: commander's "(default: …)" suffix is English, so defaults are in the sentences.
      optionDescription: (option) => shown(option.description),
      argumentDescription: (argument) => shown(argument.description),
    })
    .configureOutput({ writeErr: () => undefined })
    .exitOverride();

  const audit = program
    .command('audit')
    .description(describe('help.audit'))
    .argument('<url>', describe('help.url'))
    .option('--json <file>', describe('help.json'))
    .option('--html <file>', describe('help.html'))
    .option('--markdown <file>', describe('help.markdown'))
    .option('--junit <file>', describe('help.junit'))
    .option('--reporter <list>', describe('help.reporter'))
    .option('--output-dir <dir>', describe('help.outputDir'))
    .option('--only <audits>', describe('help.only'))
    .option('--device <device>', describe('help.device'))
    .option('--runs <n>', describe('help.runs'))
    .option('--max-pages <n>', describe('help.maxPages'))
    .option('--budget <file>', describe('help.budget'))
    .option('--compare <report.json>', describe('help.compare'))
    .option('--header <header>', describe('help.header'), collect)
    .option('--config <file>', describe('help.config'))
    .option('--no-config', describe('help.noConfig'))
    .option('--artifacts <dir>', describe('help.artifacts'))
    .option('--no-allow-private', describe('help.noAllowPrivate'))
    .option('--allow-partial', describe('help.allowPartial'))
    .option('--sessions <n>', describe('help.sessions'))
    .option('--conversion-rate <rate>', describe('help.conversionRate'))
    .option('--aov <amount>', describe('help.aov'))
    .option('--currency <code>', describe('help.currency'))
    .addOption(new Option('--locale <locale>', describe('help.locale')))
    .helpOption('-h, --help', describe('help.help'))
    .addHelpText('after', () => `\n${t('help.exitCodes')}`)
    // Unknown flags and extra arguments are collected and reported with every other problem, not one by one.
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async (url: string, flags: AuditFlags, command: Command) => {
      const errors: Message[] = [];
      for (const extra of command.args.slice(1)) {
        errors.push(extra.startsWith('-') ? msg('error.unknownOption', { option: extra.split('=')[0]! }) : msg('error.extraArgument', { value: extra }));
      }
      const { planAudit } = await import('./audit-plan.ts');
      const result = await planAudit(url, flags, { cwd: process.cwd(), env: process.env });
      errors.push(...result.errors);
      if (errors.length || !result.plan) {
        printErrors(errors);
        setExitCode(EXIT.usage);
        return;
      }
      setLocale(result.plan.locale);
      // Loaded on use: the audit pulls in Lighthouse and Puppeteer, which validation must not wait for.
      const { auditCommand } = await import('./audit-command.ts');
      setExitCode(await auditCommand(result.plan));
    });
  void audit;

  registerServiceCommands(program, setExitCode);
  return program;
}

/** The language for help and errors, before commander parses anything: `--locale X` if shipped, else LANG. */
function earlyLocale(argv: string[]): void {
  const at = argv.findIndex((a) => a === '--locale' || a.startsWith('--locale='));
  const value = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  setLocale((value && shippedLocale(value)) || localeFromEnv(process.env));
}

export async function main(argv: string[]): Promise<number> {
  earlyLocale(argv);
  let exitCode = EXIT.ok as number;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      printErrors([msg('error.usage', { problem: error.message.replace(/^error: /, '') })]);
      return EXIT.usage;
    }
    printErrors([msg('error.fatal', { problem: messageOf(error) })]);
    if (process.env.DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return EXIT.usage;
  }
}

if (import.meta.main) {
  // Long-running commands (start, serve, worker) only return once they are told to stop, so exiting here
  // never cuts a server short, and it keeps idle keep-alive sockets from holding a finished audit open.
  process.exit(await main(process.argv.slice(2)));
}
