import { conformanceSuite } from './conformance-shared.js';

conformanceSuite('wasm', [20231109, 1, 2]);
