/**
 * The command line, declared with commander: per-command `--help`, `--version`, one-line usage
 * errors with a hint (and "did you mean" for mistyped options), repeatable list options.
 * Each command's options are turned into the small `Parsed` record the command handlers take
 * (src/cli/args.ts), so the handlers stay independent of the parser.
 */
import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { type Parsed, UsageError } from './args.js';
import { fromRoot } from '../util/paths.js';
import { REPORTERS } from './reporters.js';

export type Handler = (p: Parsed) => number | Promise<number>;

type Kind = 'bool' | 'value' | 'list';
interface Opt { flags: string; desc: string; kind: Kind; choices?: readonly string[] }
interface Cmd { name: string; args?: string; summary: string; opts: Opt[]; handler: Handler; after?: string }

const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

export function version(): string {
  return (JSON.parse(fs.readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;
}

const REPORTER: Opt = { flags: '--reporter <name>', desc: `console reporter, repeatable: ${REPORTERS.join(', ')}`, kind: 'list', choices: REPORTERS };

/** The commands, their options and their help. Handlers are supplied by src/cli/main.ts. */
export function commandTable(h: Record<string, Handler>): Cmd[] {
  return [
    {
      name: 'list', summary: 'list the claims and ops (with --json: schemas and the properties that use each op)', handler: h['list']!,
      opts: [
        { flags: '--json', desc: 'machine-readable: claims with properties, ops with argument/result schemas', kind: 'bool' },
        { flags: '--ops-for <property>', desc: 'print the ops a property (claim/name) or a claim needs', kind: 'value' },
      ],
    },
    {
      name: 'check', summary: 'run every property of the selected claims against the built-in TensorFlow.js implementation', handler: h['check']!,
      opts: [
        { flags: '--backend <name>', desc: 'wasm (default), cpu, tensorflow, tensorflow-gpu', kind: 'value' },
        { flags: '--claims <glob>', desc: 'claim ids (globs, comma-separated or repeated, !glob excludes)', kind: 'list' },
        { flags: '--runs <n>', desc: 'inputs per property (default: each property\'s own)', kind: 'value' },
        { flags: '--seed <s>', desc: 'run seed (default 20231109)', kind: 'value' },
        { flags: '--out <dir>', desc: 'report directory (default reports/ here, ./lemmata-reports/ elsewhere)', kind: 'value' },
        { flags: '--junit <file>', desc: 'also write JUnit XML', kind: 'value' },
        { flags: '--bail', desc: 'stop after the first failing claim', kind: 'bool' },
        { flags: '--strict', desc: 'make `suspicious` (beyond the probabilistic bound) a failure', kind: 'bool' },
        { flags: '--workers <n>', desc: 'worker threads, one property at a time each (default: the number of cores; 1: all in this thread)', kind: 'value' },
        REPORTER,
      ],
    },
    {
      name: 'audit', summary: 'evaluate what the notes state, statement by statement; --notes DIR checks the quotes, --coverage the notes, --errata writes the errata sheet', handler: h['audit']!,
      opts: [
        { flags: '--json', desc: 'print [{id, verdict, evidence, rule, statements}] (one object per finding)', kind: 'bool' },
        { flags: '--out <path>', desc: 'Markdown audit file (default reports/seed-audit.md); with --errata the directory (default reports/errata)', kind: 'value' },
        { flags: '--notes <dir>', desc: 'the notes: every spec and statement quote must be there verbatim', kind: 'value' },
        { flags: '--coverage', desc: 'with --notes: every formula, boxed result, worked example and conclusion of the notes, audited or out of scope', kind: 'bool' },
        { flags: '--errata', desc: 'write the errata sheet: per notes file a Markdown and a self-contained HTML page', kind: 'bool' },
      ],
    },
    {
      name: 'conform', summary: 'gate an implementation: a JS module, a line-protocol program, or a tfjs backend', handler: h['conform']!,
      after: '\nExit codes: 0 pass, 1 fail/error/xpass, 2 usage or start-up failure, 3 incomplete (time budget), 5 nothing ran,\n130/143/129 interrupted. A lemmata.config.json / lemmata.config.mjs in the working directory (or --config) supplies defaults.',
      opts: [
        { flags: '--config <file>', desc: 'config file (default: ./lemmata.config.json or ./lemmata.config.mjs if present)', kind: 'value' },
        { flags: '--impl <module>', desc: 'a JS module run inside the gate (trusted code)', kind: 'value' },
        { flags: '--impl-cmd <command>', desc: 'a program speaking the line protocol (untrusted code)', kind: 'value' },
        { flags: '--backend <name>', desc: 'the built-in tfjs implementation on this backend', kind: 'value' },
        { flags: '--ops <glob>', desc: 'properties calling matching ops (repeatable, !glob excludes)', kind: 'list' },
        { flags: '--claims <glob>', desc: 'claim or property ids (repeatable, !glob excludes)', kind: 'list' },
        { flags: '--dtype <list>', desc: 'float32, float64 (default: what the implementation declares)', kind: 'list' },
        { flags: '--seed <s>', desc: 'run seed', kind: 'value' },
        { flags: '--runs <n>', desc: 'inputs per property', kind: 'value' },
        { flags: '--shard <i/n>', desc: 'run one shard (then merge-reports)', kind: 'value' },
        { flags: '--xfail <file>', desc: 'expected failures pinned to replay tokens', kind: 'value' },
        { flags: '--time-budget <seconds>', desc: 'stop starting and interrupt properties after this long', kind: 'value' },
        { flags: '--batch-size <n>', desc: 'argument sets per request (default 256)', kind: 'value' },
        { flags: '--timeout <seconds>', desc: 'per request (default 30)', kind: 'value' },
        { flags: '--max-reply-bytes <n>', desc: 'largest reply line (default 64 MiB, at most 128 MiB)', kind: 'value' },
        { flags: '--max-restarts <n>', desc: 'restarts before the program is given up (default 10)', kind: 'value' },
        { flags: '--workers <n>', desc: 'worker threads (--impl-cmd: that many adapter processes too), one property at a time each (default: the number of cores; 1: all in this thread)', kind: 'value' },
        { flags: '--profile <mode>', desc: 'declared (default) or strict (ignore what the implementation declares)', kind: 'value' },
        { flags: '--ulps <n>', desc: 'ulps allowed for exp/log/tanh… (at most 1024)', kind: 'value' },
        { flags: '--flush-to-zero', desc: 'allow subnormal results flushed to zero', kind: 'bool' },
        { flags: '--base64', desc: 'binary tensors on the protocol', kind: 'bool' },
        { flags: '--bail', desc: 'stop after the first failure (the rest are not-run)', kind: 'bool' },
        { flags: '--strict', desc: 'make `suspicious` (beyond the probabilistic bound) a failure', kind: 'bool' },
        { flags: '--allow-empty', desc: 'exit 0 when nothing ran', kind: 'bool' },
        { flags: '--allow-partial', desc: 'exit 0 when the time budget left properties not run', kind: 'bool' },
        { flags: '--out <dir>', desc: 'report directory', kind: 'value' },
        { flags: '--junit <file>', desc: 'also write JUnit XML', kind: 'value' },
        REPORTER,
      ],
    },
    {
      name: 'verify', args: '<cases...>', summary: 'judge given cases (JSON, NumPy .npz/.npy, ONNX node tests) against the oracles', handler: h['verify']!,
      after: '\nCase formats: spec/verify.md.',
      opts: [
        { flags: '--op <op>', desc: 'the op of cases that do not name one', kind: 'value' },
        { flags: '--dtype <dtype>', desc: 'float32 or float64 for cases that do not say', kind: 'value' },
        { flags: '--ulps <n>', desc: 'ulps allowed for exp/log/tanh…', kind: 'value' },
        { flags: '--flush-to-zero', desc: 'allow subnormal results flushed to zero', kind: 'bool' },
        { flags: '--allow-empty', desc: 'exit 0 when nothing could be judged', kind: 'bool' },
        { flags: '--out <dir>', desc: 'report directory', kind: 'value' },
        { flags: '--junit <file>', desc: 'also write JUnit XML', kind: 'value' },
        REPORTER,
      ],
    },
    {
      name: 'merge-reports', args: '<reports...>', summary: 'merge the conform.json of --shard i/n runs', handler: h['merge-reports']!,
      opts: [
        { flags: '--out <dir>', desc: 'report directory', kind: 'value' },
        { flags: '--junit <file>', desc: 'also write JUnit XML', kind: 'value' },
        { flags: '--allow-empty', desc: 'exit 0 when nothing ran', kind: 'bool' },
        { flags: '--allow-partial', desc: 'exit 0 when properties were not run', kind: 'bool' },
        REPORTER,
      ],
    },
    {
      name: 'fixtures', summary: 'write the golden fixtures, or --verify them byte for byte', handler: h['fixtures']!,
      opts: [
        { flags: '--out <dir>', desc: 'where to write (default fixtures/ here, ./lemmata-fixtures/ elsewhere)', kind: 'value' },
        { flags: '--ops <glob>', desc: 'only these ops', kind: 'value' },
        { flags: '--verify', desc: 'regenerate in memory and compare', kind: 'bool' },
      ],
    },
    {
      name: 'replay', args: '<token>', summary: 're-run one failure exactly (name the implementation again for conform tokens)', handler: h['replay']!,
      opts: [
        { flags: '--impl <module>', desc: 'the JS module the token failed on', kind: 'value' },
        { flags: '--impl-cmd <command>', desc: 'the program the token failed on', kind: 'value' },
        { flags: '--timeout <seconds>', desc: 'per request', kind: 'value' },
      ],
    },
    {
      name: 'adapter-path', args: '[name]', summary: 'print the path of a shipped adapter or client (--list: all of them)', handler: h['adapter-path']!,
      opts: [{ flags: '--list', desc: 'list the adapters', kind: 'bool' }],
    },
  ];
}

/** Options of a commander command as the handlers' Parsed record. */
function toParsed(cmd: Command, positional: string[], kinds: Map<string, Kind>): Parsed {
  const flags = new Map<string, string | true>();
  const o = cmd.opts() as Record<string, unknown>;
  for (const opt of cmd.options) {
    const v = o[opt.attributeName()];
    if (v === undefined || v === false) continue;
    const name = opt.long!.slice(2);
    const kind = kinds.get(name);
    flags.set(name, kind === 'bool' ? true : kind === 'list' ? (v as string[]).join(',') : String(v));
  }
  return { positional, flags };
}

/**
 * Run the command line; returns the exit code. Usage errors print one line and a hint
 * (`lemmata <command> --help`) and exit 2; `--help` and `--version` exit 0.
 */
export async function runProgram(argv: string[], handlers: Record<string, Handler>): Promise<number> {
  let code: number | undefined;
  const program = new Command('lemmata')
    .description('An exact specification suite for the mathematics of machine learning and NLP.')
    .version(version(), '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`lemmata: ${s.replace(/^error: /, '').trimEnd()}\n(see lemmata --help)\n`),
    })
    .addHelpText('after', '\nReports go to reports/ inside this repository and to ./lemmata-reports/ anywhere else (--out overrides).\nRun `lemmata <command> --help` for a command\'s options.');
  for (const c of commandTable(handlers)) {
    const kinds = new Map<string, Kind>();
    const sub = program.command(c.name).description(c.summary).exitOverride().showSuggestionAfterError(true)
      .configureOutput({ outputError: (s, write) => write(`lemmata ${c.name}: ${s.replace(/^error: /, '').trimEnd()}\n(see lemmata ${c.name} --help)\n`) });
    if (c.args) sub.argument(c.args);
    for (const o of c.opts) {
      const opt = new Option(o.flags, o.desc);
      if (o.kind === 'list') opt.argParser(collect);
      if (o.choices && o.kind !== 'list') opt.choices(o.choices as string[]);
      sub.addOption(opt);
      kinds.set(/--([a-z0-9-]+)/.exec(o.flags)![1]!, o.kind);
    }
    if (c.after) sub.addHelpText('after', c.after);
    sub.action(async (...a: unknown[]) => {
      const cmd = a[a.length - 1] as Command;
      const positional = (cmd.args ?? []).map(String);
      const p = toParsed(cmd, positional, kinds);
      const rep = p.flags.get('reporter');
      if (typeof rep === 'string') for (const r of rep.split(',')) if (!(REPORTERS as readonly string[]).includes(r)) throw new UsageError(`--reporter: unknown reporter '${r}' (${REPORTERS.join(', ')})`);
      code = await c.handler(p);
    });
  }
  if (argv.length === 0) {
    process.stdout.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'commander.unknownCommand' || e.code === 'commander.excessArguments') return 2;
      return 2;
    }
    throw e;
  }
  return code ?? 0;
}
