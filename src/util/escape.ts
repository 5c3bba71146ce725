/**
 * Text that an implementation under test controls (its name, error messages, stderr, replies)
 * is escaped before it reaches a terminal or a CI log:
 *  - control characters other than newline and tab (ESC, BEL, CR, backspace, C1 controls, DEL,
 *    and Unicode line/paragraph separators and bidi overrides) become visible `\xNN` / `\uNNNN`;
 *  - a line that a CI system would read as a command — GitHub Actions workflow commands start with
 *    `::` (after optional whitespace), Azure Pipelines with `##vso[` / `##[` — gets a visible `\`
 *    prefix, so it is printed, never executed.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(s: string): string {
  return s.replace(CONTROL, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
  });
}

const CI_COMMAND = /^(\s*)(::|##vso\[|##\[)/gm;

/** Escape untrusted text for a console or CI log (see above). */
export function escapeConsole(s: string): string {
  return escapeControl(s).replace(CI_COMMAND, '$1\\$2');
}
