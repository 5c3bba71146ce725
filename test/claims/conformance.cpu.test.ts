import { conformanceSuite } from './conformance-shared.js';

conformanceSuite('cpu', [3, 4], { schemas: true });
