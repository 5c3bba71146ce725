import { conformanceSuite } from './conformance-shared.js';

conformanceSuite('wasm', [1, 2]);
