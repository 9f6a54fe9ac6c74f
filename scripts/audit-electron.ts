/**
 * `npm run audit:electron`: runs electronegativity over electron/ and fails on any finding that
 * docs/security.md does not explain. electronegativity itself exits 0 whatever it finds, so its
 * SARIF report is read instead.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compareAudit, explainedIn, findingKey, findingsOf } from './electron-audit';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
const { version: electronVersion } = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as {
  version: string;
};

const folder = mkdtempSync(path.join(tmpdir(), 'electronegativity-'));
const report = path.join(folder, 'report.sarif');
try {
  execFileSync(
    process.execPath,
    [cli, '--input', 'electron', '--electron-version', electronVersion, '--relative', '--output', report],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const findings = findingsOf(readFileSync(report, 'utf8'));
  const { unexplained, stale } = compareAudit(
    findings,
    explainedIn(readFileSync(path.join(root, 'docs', 'security.md'), 'utf8')),
  );
  for (const key of stale) console.warn(`docs/security.md explains ${key}, which electronegativity no longer reports`);
  if (unexplained.length > 0) {
    console.error(
      `electronegativity (Electron ${electronVersion}) found ${unexplained.length} thing(s) docs/security.md does not explain:`,
    );
    for (const finding of unexplained) {
      console.error(`  ${findingKey(finding)} (line ${finding.line}): ${finding.message}`);
    }
    console.error(
      'Fix each, or add a row | `CHECK` | `file` | where it is held | to the findings table of docs/security.md.',
    );
    process.exitCode = 1;
  } else {
    console.log(`electronegativity: ${findings.length} finding(s), each explained in docs/security.md`);
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
