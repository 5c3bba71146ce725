/**
 * No flaky statistical test, second half: the distribution-level properties of the sampling ops
 * (stats.iid-sum-variance) under the same 200 run seeds against tfjs, zero false alarms
 * (see seed-robustness.test.ts; split so that the halves run in parallel).
 */
import { STATISTICAL_PROPERTIES } from '../../src/statistics/budget.js';
import { robustnessSuite } from './robustness-suite.js';

robustnessSuite(STATISTICAL_PROPERTIES.filter((id) => id.startsWith('stats.iid-sum-variance/')));
