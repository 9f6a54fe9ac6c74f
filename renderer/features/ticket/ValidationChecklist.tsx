/** The two layers of validation as a checklist: each check passed or failed and why, who ran it and when. */
import { Caption1, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissCircleFilled } from '@fluentui/react-icons';
import type { ValidationLayer, ValidationRun } from '../../../shared/domain';
import { plainColumnList } from '../../ui/list-styles';
import { dateTimeText } from '../../../shared/domain';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { ...plainColumnList, gap: tokens.spacingVerticalXXS },
  check: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  pass: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: '2px' },
  fail: { color: tokens.colorPaletteRedForeground1, flexShrink: 0, marginTop: '2px' },
});

const LAYER_LABEL: Record<ValidationLayer, string> = {
  entitlement: 'Layer 1 — entitlement',
  mandatory_information: 'Layer 2 — mandatory information',
};

export function ValidationChecklist({ run }: { run: ValidationRun | null }) {
  const styles = useStyles();
  if (run === null) {
    return (
      <section className={styles.box} aria-label="Validation checklist">
        <Subtitle2>Validation</Subtitle2>
        <Text>Not run yet. Run the validation to check the entitlement and the mandatory information.</Text>
      </section>
    );
  }
  return (
    <section className={styles.box} aria-label="Validation checklist">
      <Subtitle2>Validation</Subtitle2>
      <Caption1>
        Run by {run.ranBy.name} on {dateTimeText(run.ranAt)}
      </Caption1>
      {(Object.keys(LAYER_LABEL) as ValidationLayer[]).map((layer) => (
        <div key={layer}>
          <Text weight="semibold">{LAYER_LABEL[layer]}</Text>
          <ul className={styles.list}>
            {run.checks
              .filter((check) => check.layer === layer)
              .map((check) => (
                <li
                  key={check.field}
                  className={styles.check}
                  aria-label={`${check.field}: ${check.passed ? 'passed' : 'failed'}`}
                >
                  {check.passed ? (
                    <CheckmarkCircleFilled className={styles.pass} aria-hidden />
                  ) : (
                    <DismissCircleFilled className={styles.fail} aria-hidden />
                  )}
                  <Text>{check.detail}</Text>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
