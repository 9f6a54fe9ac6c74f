// The audit gate's reading of electronegativity's SARIF and of docs/security.md's explanations.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareAudit, explainedIn, findingsOf } from '../../../scripts/electron-audit';

const root = path.resolve(import.meta.dirname, '../../..');

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

  it("explains in docs/security.md every item of Electron's 20-item checklist, in its order", () => {
    const doc = readFileSync(path.resolve(root, 'docs/security.md'), 'utf8');
    const items = doc.split('\n').flatMap((line) => {
      const row = /^\| (\d+) \| ([^|]+) \| \S/.exec(line);
      return row === null ? [] : [`${row[1]} ${row[2]?.trim().replaceAll('`', '')}`];
    });
    expect(items).toEqual(
      [
        'Only load secure content',
        'Do not enable Node.js integration for remote content',
        'Enable context isolation',
        'Enable process sandboxing',
        'Handle session permission requests from remote content',
        'Do not disable webSecurity',
        'Define a Content Security Policy',
        'Do not enable allowRunningInsecureContent',
        'Do not enable experimental features',
        'Do not use enableBlinkFeatures',
        '<webview>: do not use allowpopups',
        'Verify WebView options before creation',
        'Disable or limit navigation',
        'Disable or limit creation of new windows',
        'Do not use shell.openExternal with untrusted content',
        'Use a current version of Electron',
        'Validate the sender of all IPC messages',
        'Avoid file://, prefer a custom protocol',
        'Check which fuses you can change',
        'Do not expose Electron APIs to untrusted web content',
      ].map((item, i) => `${i + 1} ${item}`),
    );
  });

  it('holds item 16: Electron is pinned exactly, on a supported line (45 or later)', () => {
    const { devDependencies } = JSON.parse(readFileSync(path.resolve(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const version = /^(\d+)\.\d+\.\d+$/.exec(devDependencies.electron ?? '');
    expect(version, `electron is pinned as ${devDependencies.electron}`).not.toBeNull();
    expect(Number(version?.[1])).toBeGreaterThanOrEqual(45);
  });
});
