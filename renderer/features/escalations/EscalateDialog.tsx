/** Raising the L3 escalation: the Microsoft case, its severity (suggested from the priority), contact and topic. */
import { Button, Dropdown, Field, Input, Option, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { format } from 'date-fns';
import { useState } from 'react';
import { MicrosoftCaseNumber, SEVERITY_LABEL, Severity, suggestSeverity, type Ticket } from '../../../shared/domain';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { LOCAL_MINUTE } from '../../ui/local-time';
import type { ChangeRunner } from '../../ui/use-change';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM },
});

const SEVERITY_TEXT: Record<Severity, string> = {
  critical: 'A — critical business impact',
  moderate: 'B — moderate business impact',
  minimal: 'C — minimal business impact',
};

interface Draft {
  caseNumber: string;
  severity: Severity;
  reason: string;
  contactName: string;
  contactEmail: string;
  supportTopic: string;
  product: string;
  openedAt: string;
}

export function EscalateDialog({ ticket, change }: { ticket: Ticket; change: ChangeRunner }) {
  const styles = useStyles();
  const suggested = suggestSeverity(ticket.priority);
  const fresh = (): Draft => ({
    caseNumber: '',
    severity: suggested,
    reason: '',
    contactName: '',
    contactEmail: '',
    supportTopic: '',
    product: '',
    openedAt: format(new Date(), LOCAL_MINUTE),
  });
  const [draft, setDraft] = useState<Draft>(fresh);
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const caseError =
    draft.caseNumber === ''
      ? undefined
      : MicrosoftCaseNumber.safeParse(draft.caseNumber.trim()).error?.issues[0]?.message;
  const overriding = draft.severity !== suggested;

  return (
    <ChangeDialog
      trigger={<Button>Escalate to Microsoft…</Button>}
      step="escalate"
      title={`Escalate ${ticket.number} to Microsoft`}
      error={change.error}
      confirmLabel="Escalate"
      canConfirm={!change.busy && caseError === undefined && draft.caseNumber !== ''}
      onOpen={() => setDraft(fresh())}
      onConfirm={() =>
        change.run('escalateToMicrosoft', {
          ticketId: ticket.id,
          eventId: crypto.randomUUID(),
          caseNumber: draft.caseNumber.trim(),
          severity: draft.severity,
          ...(overriding ? { severityOverrideReason: draft.reason.trim() } : {}),
          microsoftContact: {
            name: draft.contactName.trim(),
            email: draft.contactEmail.trim() === '' ? null : draft.contactEmail.trim(),
          },
          supportTopic: draft.supportTopic.trim(),
          product: draft.product.trim(),
          openedAt: new Date(draft.openedAt).toISOString(),
        })
      }
    >
      <Field
        label="Microsoft case number"
        required
        validationMessage={caseError}
        hint="15 digits (Partner Center) or 16 (Azure)"
      >
        <Input value={draft.caseNumber} inputMode="numeric" onChange={(_, data) => set({ caseNumber: data.value })} />
      </Field>
      <Field label="Severity" hint={`Suggested from the ticket's priority: ${SEVERITY_LABEL[suggested]}`}>
        <Dropdown
          value={SEVERITY_TEXT[draft.severity]}
          selectedOptions={[draft.severity]}
          onOptionSelect={(_, data) => set({ severity: data.optionValue as Severity })}
        >
          {Severity.options.map((value) => (
            <Option key={value} value={value}>
              {SEVERITY_TEXT[value]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {overriding && (
        <Field label="Why this severity instead of the suggested one" required>
          <Textarea value={draft.reason} onChange={(_, data) => set({ reason: data.value })} />
        </Field>
      )}
      <div className={styles.row}>
        <Field label="Microsoft engineer" required>
          <Input value={draft.contactName} onChange={(_, data) => set({ contactName: data.value })} />
        </Field>
        <Field label="Microsoft engineer's e-mail">
          <Input type="email" value={draft.contactEmail} onChange={(_, data) => set({ contactEmail: data.value })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Support topic" required>
          <Input value={draft.supportTopic} onChange={(_, data) => set({ supportTopic: data.value })} />
        </Field>
        <Field label="Product" required>
          <Input value={draft.product} onChange={(_, data) => set({ product: data.value })} />
        </Field>
      </div>
      <Field label="Opened at Microsoft" required>
        <Input type="datetime-local" value={draft.openedAt} onChange={(_, data) => set({ openedAt: data.value })} />
      </Field>
    </ChangeDialog>
  );
}
