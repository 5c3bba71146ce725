/**
 * `lemmata verify CASES… [--op OP] [--dtype D] [--ulps N] [--flush-to-zero] [--out DIR] [--junit FILE] [--allow-empty]`:
 * judge given inputs and outputs (JSON cases, NumPy .npz / .npy directories, ONNX backend node
 * tests) against the oracles. Same schemas, bounds, tie rules, reports and exit codes as `conform`.
 */
import { type Parsed, intFlag, UsageError } from './args.js';
import type { Dtype } from '../registry/types.js';
import { readCases, CaseFormatError } from '../verify/cases.js';
import { verifyCases, DEFAULT_PROFILE } from '../verify/run.js';
import { conformExitCode, EXIT } from '../conform/types.js';
import { outputPath } from '../util/paths.js';
import { printSummary, writeConformReports, reportersOf, MAX_CLI_ULPS } from './conform.js';
import { report } from './reporters.js';
import { opById } from '../ops/index.js';

export function verifyCommand(p: Parsed): number {
  if (p.positional.length === 0) throw new UsageError('verify needs one or more case files or directories (JSON, .npz, .npy directory, ONNX node test)');
  const op = p.flags.get('op');
  if (op !== undefined && !opById(String(op))) throw new UsageError(`verify --op: unknown op id '${String(op)}'`);
  const d = p.flags.get('dtype');
  if (d !== undefined && d !== 'float32' && d !== 'float64') throw new UsageError('--dtype must be float32 or float64');
  const ulps = intFlag(p, 'ulps', 0, MAX_CLI_ULPS);
  const profile = { ...DEFAULT_PROFILE, ...(ulps !== undefined ? { elementaryUlps: ulps } : {}), ...(p.flags.has('flush-to-zero') ? { flushToZero: true } : {}) };
  const source = `defaults${ulps !== undefined ? ` + --ulps ${ulps}` : ''}${p.flags.has('flush-to-zero') ? ' + --flush-to-zero' : ''}`;
  let read;
  try {
    read = readCases(p.positional, { ...(op !== undefined ? { op: String(op) } : {}), ...(d !== undefined ? { dtype: d as Dtype } : {}) });
  } catch (e) {
    if (e instanceof CaseFormatError) throw new UsageError(e.message);
    throw e;
  }
  const r = verifyCases(read.cases, read.unmapped, { profile, profileSource: source, sources: p.positional });
  const outDir = typeof p.flags.get('out') === 'string' ? String(p.flags.get('out')) : outputPath('reports', 'verify');
  const junit = typeof p.flags.get('junit') === 'string' ? String(p.flags.get('junit')) : undefined;
  const files = writeConformReports(r, outDir, junit);
  report(r, reportersOf(p), () => printSummary(r, files));
  const code = conformExitCode(r, { allowEmpty: p.flags.has('allow-empty') });
  if (code === EXIT.empty) console.error('lemmata verify: no case could be judged (exit 5; --allow-empty accepts this)');
  return code;
}
