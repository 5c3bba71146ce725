/**
 * The layout tells the architecture (ARCHITECTURE.md):
 *  - every module of a domain layer (oracles, ops, tfjs implementation, fixtures) is named for a
 *    domain of src/registry/domains.ts, and each layer's registry lists exactly its domains;
 *  - the layers import only downwards: an implementation never imports an oracle, the exact
 *    numerics, a property, a fixture or the runner; an oracle never imports an implementation,
 *    a property, a fixture or the ops layer; numerics import nothing of lemmata above them;
 *  - no name records build order (extra, misc, stats2, index-<area>, catalogue-<area>).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../../src/util/paths.js';
import { DOMAIN_IDS } from '../../src/registry/domains.js';
import { OPS_BY_DOMAIN } from '../../src/ops/index.js';
import { IMPL_BY_DOMAIN } from '../../src/impl/tfjs/index.js';
import { FIXTURES_BY_DOMAIN } from '../../src/fixtures/index.js';
import { CLAIM_MODULES } from '../../src/properties/index.js';
import { domainOfClaim } from '../../src/registry/domains.js';

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}
const SRC = fromRoot('src');
const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');
const sources = walk(SRC).filter((f) => f.endsWith('.ts')).map(rel);

/** Relative imports of a source file, resolved to paths under src/ (without extension). */
export function importsOf(text: string, file: string): string[] {
  const out: string[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const spec = (m[1] ?? m[2])!;
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)).replace(/\.js$/, ''));
  }
  return out;
}

/** Which layers a module of a layer must not import. */
const FORBIDDEN: Record<string, string[]> = {
  'impl/': ['oracles/', 'numerics/', 'properties/', 'fixtures/', 'runner/', 'conform/', 'statistics/', 'ops/'],
  'oracles/': ['impl/', 'properties/', 'fixtures/', 'ops/', 'runner/', 'conform/', 'cli/'],
  'numerics/': ['impl/', 'oracles/', 'properties/', 'fixtures/', 'ops/', 'runner/', 'conform/', 'cli/', 'registry/'],
  'ops/': ['impl/', 'runner/', 'conform/', 'cli/'],
};

function violations(files: { file: string; text: string }[]): string[] {
  const bad: string[] = [];
  for (const { file, text } of files) {
    for (const [layer, forbidden] of Object.entries(FORBIDDEN)) {
      if (!file.startsWith(layer)) continue;
      for (const imp of importsOf(text, file)) {
        const hit = forbidden.find((f) => imp.startsWith(f));
        if (hit) bad.push(`${file} imports ${imp} (${layer} must not import ${hit})`);
      }
    }
  }
  return bad;
}

describe('layering', () => {
  it('no implementation imports an oracle or the exact numerics (and no layer imports upwards)', () => {
    const files = sources.map((file) => ({ file, text: fs.readFileSync(path.join(SRC, file), 'utf8') }));
    expect(violations(files)).toEqual([]);
  });

  it('the check itself catches an implementation importing an oracle or numerics', () => {
    const planted = [
      { file: 'impl/tfjs/softmax.ts', text: "import { softmaxEnclosure } from '../../oracles/softmax.js';\n" },
      { file: 'impl/tfjs/attention.ts', text: "import type { Interval } from '../../numerics/interval.js';\n" },
      { file: 'oracles/text.ts', text: "import { bpeTrain } from '../impl/tfjs/text.js';\n" },
    ];
    expect(violations(planted)).toHaveLength(3);
  });
});

describe('layout by domain', () => {
  const layers: [string, string[]][] = [
    ['oracles', DOMAIN_IDS],
    ['ops', Object.keys(OPS_BY_DOMAIN)],
    ['impl/tfjs', Object.keys(IMPL_BY_DOMAIN)],
    ['fixtures', Object.keys(FIXTURES_BY_DOMAIN)],
  ];
  const infrastructure: Record<string, string[]> = {
    oracles: [], ops: ['index', 'doc', 'write-doc', 'schema', 'schema-check'], 'impl/tfjs': ['index', 'backend', 'types'], fixtures: ['index', 'format', 'accept'],
  };
  for (const [layer, registered] of layers) {
    it(`every module of src/${layer}/ is a domain (and registered)`, () => {
      const stems = fs.readdirSync(path.join(SRC, layer)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3));
      const domainStems = stems.filter((s) => !infrastructure[layer]!.includes(s));
      for (const s of domainStems) expect(DOMAIN_IDS, `src/${layer}/${s}.ts is not a domain of src/registry/domains.ts`).toContain(s);
      if (layer !== 'oracles') expect([...domainStems].sort()).toEqual([...registered].sort());
    });
  }

  it('every claim belongs to a domain by its id prefix', () => {
    const orphans = CLAIM_MODULES.map((m) => m.id).filter((id) => domainOfClaim(id) === undefined);
    expect(orphans).toEqual([]);
  });

  it('no file or export name records build order', () => {
    const BAD = /(^|[^a-z])(extra|misc|stats2)([^a-z]|$)|index-[a-z]|catalogue-[a-z]|OPS_EXTRA|FIXTURES_EXTRA|opsExtra/i;
    const names = sources.filter((f) => BAD.test(path.basename(f)));
    expect(names).toEqual([]);
    const exportsBad: string[] = [];
    for (const f of sources) {
      const text = fs.readFileSync(path.join(SRC, f), 'utf8');
      for (const m of text.matchAll(/export\s+(?:async\s+)?(?:const|function|class|interface|type)\s+([A-Za-z0-9_]+)/g)) {
        if (BAD.test(m[1]!)) exportsBad.push(`${f}: ${m[1]}`);
      }
    }
    expect(exportsBad).toEqual([]);
  });
});
