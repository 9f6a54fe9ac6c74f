/** Reads electronegativity's SARIF report and docs/security.md's explanations; what the audit gate compares. */
import { z } from 'zod';

/** One finding: the check that reported it and the file (relative to electron/, or N/A for a global check). */
export interface Finding {
  check: string;
  file: string;
  line: number;
  message: string;
}

const Sarif = z.object({
  runs: z
    .array(
      z.object({
        results: z.array(
          z.object({
            ruleId: z.string(),
            message: z.object({ text: z.string() }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z.object({
                    artifactLocation: z.object({ uri: z.string() }),
                    region: z.object({ startLine: z.number() }),
                  }),
                }),
              )
              .min(1),
          }),
        ),
      }),
    )
    .length(1),
});

/** A global check has no file: electronegativity reports it at `file:///`. */
const NO_FILE = 'N/A';

export function findingsOf(sarifText: string): Finding[] {
  const [run] = Sarif.parse(JSON.parse(sarifText)).runs;
  return (run?.results ?? []).map(({ ruleId, message, locations: [location] }) => {
    const uri = location?.physicalLocation.artifactLocation.uri ?? '';
    return {
      check: ruleId,
      file: uri === 'file:///' || uri === '' ? NO_FILE : uri,
      line: location?.physicalLocation.region.startLine ?? 0,
      message: message.text,
    };
  });
}

/**
 * The findings docs/security.md explains, as `CHECK@file` keys: each is a table row whose first two
 * cells are the check and the file in backticks, e.g. | `AUXCLICK_JS_CHECK` | `main/window.ts` | why |.
 * Lines are left out on purpose, so an explanation survives an edit above it.
 */
export function explainedIn(markdown: string): Set<string> {
  const row = /^\|\s*`([A-Z_]+_CHECK)`\s*\|\s*`([^`|]+)`\s*\|\s*[^|\s]/;
  return new Set(
    markdown.split('\n').flatMap((line) => {
      const match = row.exec(line);
      return match === null ? [] : [`${match[1]}@${match[2]}`];
    }),
  );
}

export const findingKey = ({ check, file }: Finding) => `${check}@${file}`;

/** What the gate fails on: findings without an explanation. Also the explanations no finding needs any more. */
export function compareAudit(findings: Finding[], explained: Set<string>) {
  const found = new Set(findings.map(findingKey));
  return {
    unexplained: findings.filter((finding) => !explained.has(findingKey(finding))),
    stale: [...explained].filter((key) => !found.has(key)),
  };
}
