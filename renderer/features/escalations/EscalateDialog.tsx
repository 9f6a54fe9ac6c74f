/** Raising the L3 escalation: the Microsoft case, its severity (suggested from the priority), contact and topic. */
import { Button, Dropdown, Input, Option, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { format } from 'date-fns';
import { useState } from 'react';
import { MicrosoftCaseNumber, SEVERITY_LABEL, Severity, suggestSeverity, type Ticket } from '../../../shared/domain';
import { ChangeDialog } from '../../ui/ChangeDialog';
import { DialogField } from '../../ui/DialogField';
import { LOCAL_MINUTE } from '../../ui/local-time';
import type { ChangeRunner } from '../../ui/use-change';

const useStyles = makeStyles({
  // Fields side by side keep their own height: a message under one does not stretch the other's input.
  row: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalM, alignItems: 'start' },
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
      confirmLabel="Escalate"
      canConfirm={!change.busy && caseError === undefined && draft.caseNumber !== ''}
      onOpen={() => setDraft(fresh())}
      onConfirm={() =>
        change.attempt('escalateToMicrosoft', {
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
      <DialogField
        path="caseNumber"
        label="Microsoft case number"
        required
        validationMessage={caseError}
        hint="15 digits (Partner Center) or 16 (Azure)"
      >
        <Input value={draft.caseNumber} inputMode="numeric" onChange={(_, data) => set({ caseNumber: data.value })} />
      </DialogField>
      <DialogField
        path="severity"
        label="Severity"
        hint={`Suggested from the ticket's priority: ${SEVERITY_LABEL[suggested]}`}
      >
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
      </DialogField>
      {overriding && (
        <DialogField path="severityOverrideReason" label="Why this severity instead of the suggested one" required>
          <Textarea value={draft.reason} onChange={(_, data) => set({ reason: data.value })} />
        </DialogField>
      )}
      <div className={styles.row}>
        <DialogField path="microsoftContact.name" label="Microsoft engineer" required>
          <Input value={draft.contactName} onChange={(_, data) => set({ contactName: data.value })} />
        </DialogField>
        <DialogField path="microsoftContact.email" label="Microsoft engineer's e-mail">
          <Input type="email" value={draft.contactEmail} onChange={(_, data) => set({ contactEmail: data.value })} />
        </DialogField>
      </div>
      <div className={styles.row}>
        <DialogField path="supportTopic" label="Support topic" required>
          <Input value={draft.supportTopic} onChange={(_, data) => set({ supportTopic: data.value })} />
        </DialogField>
        <DialogField path="product" label="Product" required>
          <Input value={draft.product} onChange={(_, data) => set({ product: data.value })} />
        </DialogField>
      </div>
      <DialogField path="openedAt" label="Opened at Microsoft" required>
        <Input type="datetime-local" value={draft.openedAt} onChange={(_, data) => set({ openedAt: data.value })} />
      </DialogField>
    </ChangeDialog>
  );
}
