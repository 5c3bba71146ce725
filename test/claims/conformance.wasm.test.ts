import { conformanceSuite } from './conformance-shared.js';

// one seed on wasm (two on cpu, with the schema checks): CI's `lemmata check` runs the default seed on both
// backends beside this suite, and `npm run peers` the tfjs-wasm / tfjs-cpu conform reports
conformanceSuite('wasm', [1]);
