// The audit gate's reading of electronegativity's SARIF and of docs/security.md's explanations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAudit, explainedIn, findingsOf } from '../../../scripts/electron-audit';

const result = (ruleId: string, uri: string, startLine: number) => ({
  ruleId,
  level: 'note',
  message: { text: `${ruleId} message` },
  locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine, startColumn: 1 } } }],
});
const sarif = JSON.stringify({
  runs: [
    {
      tool: { driver: { name: 'Electronegativity' } },
      results: [
        result('CSP_GLOBAL_CHECK', 'file:///', 1),
        result('SANDBOX_JS_CHECK', 'main/window.ts', 49),
        result('PRELOAD_JS_CHECK', 'main/other.ts', 7),
      ],
    },
  ],
});

describe('the Electron audit gate', () => {
  it('reads each finding with its check, file (N/A for a global check) and line', () => {
    expect(findingsOf(sarif)).toEqual([
      { check: 'CSP_GLOBAL_CHECK', file: 'N/A', line: 1, message: 'CSP_GLOBAL_CHECK message' },
      { check: 'SANDBOX_JS_CHECK', file: 'main/window.ts', line: 49, message: 'SANDBOX_JS_CHECK message' },
      { check: 'PRELOAD_JS_CHECK', file: 'main/other.ts', line: 7, message: 'PRELOAD_JS_CHECK message' },
    ]);
  });

  it('refuses a report that is not what electronegativity writes', () => {
    expect(() => findingsOf('{"runs": []}')).toThrow();
    expect(() => findingsOf('not json')).toThrow();
  });

  it('fails on a finding without an explanation, and names explanations no longer needed', () => {
    const explained = explainedIn(
      [
        '| check | file | why |',
        '|---|---|---|',
        '| `CSP_GLOBAL_CHECK` | `N/A` | set from code |',
        '| `SANDBOX_JS_CHECK` | `main/window.ts` | set by mainWindowOptions |',
        '| `AUXCLICK_JS_CHECK` | `main/window.ts` | denied |',
        '| `PRELOAD_JS_CHECK` | `main/other.ts` |  |',
      ].join('\n'),
    );
    const { unexplained, stale } = compareAudit(findingsOf(sarif), explained);
    // A row without a reason explains nothing.
    expect(unexplained.map(({ check, file }) => `${check}@${file}`)).toEqual(['PRELOAD_JS_CHECK@main/other.ts']);
    expect(stale).toEqual(['AUXCLICK_JS_CHECK@main/window.ts']);
  });

  it("explains in docs/security.md every item of Electron's 20-item checklist", () => {
    const doc = readFileSync(path.resolve(import.meta.dirname, '../../../docs/security.md'), 'utf8');
    const items = doc.split('\n').flatMap((line) => /^\| (\d+) \| [^|]+ \| \S/.exec(line)?.[1] ?? []);
    expect(items).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  });
});
