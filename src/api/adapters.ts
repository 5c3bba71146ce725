/**
 * The adapters and clients shipped with the package (clients/), by name, so that instructions
 * work from an installed package: `npx lemmata adapter-path torch` prints the absolute path.
 */
import { fromRoot } from '../util/paths.js';

export interface AdapterInfo {
  /** Path below the package root. */
  readonly file: string;
  /** How to run it. */
  readonly run: string;
  readonly description: string;
}

export const ADAPTERS = {
  torch: {
    file: 'clients/python/torch_adapter.py', run: 'python3',
    description: 'PyTorch adapter (line protocol); use with `lemmata conform --impl-cmd "python3 PATH"`',
  },
  numpy: {
    file: 'clients/python/numpy_adapter.py', run: 'python3',
    description: 'NumPy adapter (line protocol); use with `lemmata conform --impl-cmd "python3 PATH"`',
  },
  onnxruntime: {
    file: 'clients/js/onnxruntime-adapter.mjs', run: 'node',
    description: 'onnxruntime-node adapter (a JS module); use with `lemmata conform --impl PATH` (needs onnxruntime-node installed)',
  },
  tokenizers: {
    file: 'clients/js/tokenizers-adapter.mjs', run: 'node',
    description: 'HF tokenizers adapter (a JS module); use with `lemmata conform --impl PATH` (needs tokenizers installed)',
  },
  'serve-line': {
    file: 'clients/js/serve-line.mjs', run: 'node',
    description: 'serves any JS implementation module over the line protocol: `node PATH ./my-impl.mjs`',
  },
  'check-fixtures': {
    file: 'clients/python/check_fixtures.py', run: 'python3',
    description: 'standard-library checker of a Python adapter against the golden fixtures: `python3 PATH --adapter my_adapter.py`',
  },
  'python-helper': {
    file: 'clients/python/lemmata_protocol.py', run: 'python3',
    description: 'standard-library helper for writing a Python adapter (import it next to your adapter)',
  },
} as const satisfies Record<string, AdapterInfo>;

export type AdapterName = keyof typeof ADAPTERS;

export const ADAPTER_NAMES = Object.keys(ADAPTERS) as AdapterName[];

export function isAdapterName(name: string): name is AdapterName {
  return Object.hasOwn(ADAPTERS, name);
}

/** The absolute path of a shipped adapter or client. Throws for an unknown name (listing the known ones). */
export function adapterPath(name: AdapterName): string;
export function adapterPath(name: string): string;
export function adapterPath(name: string): string {
  if (!isAdapterName(name)) throw new RangeError(`unknown adapter '${name}'; known: ${ADAPTER_NAMES.join(', ')}`);
  return fromRoot(...ADAPTERS[name].file.split('/'));
}
