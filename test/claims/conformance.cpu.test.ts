import { conformanceSuite } from './conformance-shared.js';

conformanceSuite('cpu', [20231109, 3, 4]);
