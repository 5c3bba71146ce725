/**
 * `lemmata/vitest/setup`: for vitest's `setupFiles`; registers `expect(…).toConformTo(…)` in every test file.
 * (Importing `lemmata/vitest` registers it too.)
 */
import { setup } from './vitest.js';

setup();
