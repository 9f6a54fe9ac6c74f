/** The team lead sets how often Microsoft must be chased per severity, and when its silence is flagged. */
import { Button, Input } from '@fluentui/react-components';
import { TimerRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { DEFAULT_CADENCE, FollowUpCadence, SEVERITY_LABEL } from '../../../shared/domain';
import { failureInWords, safeParseInWords } from '../../../shared/api/errors';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { DialogField } from '../../ui/DialogField';
import { problemOf } from '../../ui/problem';
import { useTeamStore } from '../../data/stores/team-store';
import { workspaceActions } from '../../data/workspace';

type Draft = Record<keyof FollowUpCadence, string>;

const FIELDS: [keyof FollowUpCadence, string][] = [
  ['critical', `Severity ${SEVERITY_LABEL.critical}: follow up every (hours)`],
  ['moderate', `Severity ${SEVERITY_LABEL.moderate}: follow up every (hours)`],
  ['minimal', `Severity ${SEVERITY_LABEL.minimal}: follow up every (hours)`],
  ['microsoftSilentAfterHours', 'Flag Microsoft as silent after (hours without a response)'],
];

const draftOf = (cadence: FollowUpCadence): Draft =>
  Object.fromEntries(FIELDS.map(([key]) => [key, String(cadence[key])])) as Draft;

export function CadenceDialog() {
  const cadence = useTeamStore((s) => s.team?.cadence ?? DEFAULT_CADENCE);
  const [draft, setDraft] = useState<Draft>(() => draftOf(cadence));
  const parsed = safeParseInWords(
    FollowUpCadence,
    Object.fromEntries(FIELDS.map(([key]) => [key, Number(draft[key])])),
  );
  const invalid = parsed.success ? null : failureInWords(parsed.error);

  const save = async () => {
    if (!parsed.success) return invalid;
    try {
      await workspaceActions.saveCadence(parsed.data);
      return null;
    } catch (failure) {
      return problemOf(failure);
    }
  };

  return (
    <ChangeDialog
      trigger={
        <Button appearance="subtle" icon={<TimerRegular />}>
          Follow-up cadence…
        </Button>
      }
      title="Follow-up cadence of the team"
      invalid={invalid}
      confirmLabel="Save"
      canConfirm={parsed.success}
      onOpen={() => setDraft(draftOf(cadence))}
      onConfirm={save}
    >
      {FIELDS.map(([key, label]) => (
        <DialogField key={key} path={key} label={label}>
          <Input
            type="number"
            min={1}
            value={draft[key]}
            onChange={(_, data) => setDraft((current) => ({ ...current, [key]: data.value }))}
          />
        </DialogField>
      ))}
    </ChangeDialog>
  );
}
