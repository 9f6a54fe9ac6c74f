/** Correcting what the requester gave (customer, tenant domain, priority, scope), e.g. after they supplied what was missing. */
import { Button, Dropdown, Input, Option } from '@fluentui/react-components';
import { useState } from 'react';
import {
  PRIORITY_LABEL,
  Priority,
  SCOPE_LABEL,
  Scope,
  TenantDomain,
  TimeZone,
  type Ticket,
} from '../../../shared/domain';
import { ChangeDialog } from '../../ui/ChangeDialog';
import type { ChangeRunner } from '../../ui/use-change';
import { DialogField } from '../../ui/DialogField';

interface Draft {
  companyName: string;
  tenantDomain: string;
  timeZone: string;
  priority: Priority | null;
  scope: Scope | null;
}

const draftOf = (ticket: Ticket): Draft => ({
  companyName: ticket.endCustomer.companyName ?? '',
  tenantDomain: ticket.endCustomer.tenantDomain ?? '',
  timeZone: ticket.endCustomer.timeZone,
  priority: ticket.priority,
  scope: ticket.scope,
});

export function EditDetailsDialog({ ticket, change }: { ticket: Ticket; change: ChangeRunner }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(ticket));
  const original = draftOf(ticket);
  const tenantError =
    draft.tenantDomain.trim() === '' ? undefined : TenantDomain.safeParse(draft.tenantDomain).error?.issues[0]?.message;
  const zoneError = TimeZone.safeParse(draft.timeZone).error?.issues[0]?.message;

  const changes = {
    ...(draft.companyName.trim() !== original.companyName ? { companyName: draft.companyName.trim() } : {}),
    ...(draft.tenantDomain.trim() !== original.tenantDomain ? { tenantDomain: draft.tenantDomain.trim() } : {}),
    ...(draft.timeZone !== original.timeZone ? { timeZone: draft.timeZone } : {}),
    ...(draft.priority !== original.priority && draft.priority !== null ? { priority: draft.priority } : {}),
    ...(draft.scope !== original.scope && draft.scope !== null ? { scope: draft.scope } : {}),
  };

  return (
    <ChangeDialog
      trigger={<Button>Edit details…</Button>}
      step="edit_details"
      title={`Details of ${ticket.number}`}
      confirmLabel="Save"
      canConfirm={
        !change.busy && Object.keys(changes).length > 0 && tenantError === undefined && zoneError === undefined
      }
      onOpen={() => setDraft(draftOf(ticket))}
      onConfirm={() =>
        change.attempt('updateDetails', { ticketId: ticket.id, eventId: crypto.randomUUID(), ...changes })
      }
    >
      <DialogField path="companyName" label="End-customer company name">
        <Input value={draft.companyName} onChange={(_, data) => setDraft({ ...draft, companyName: data.value })} />
      </DialogField>
      <DialogField
        path="tenantDomain"
        label="Tenant domain"
        validationMessage={tenantError}
        hint="<name>.onmicrosoft.com"
      >
        <Input value={draft.tenantDomain} onChange={(_, data) => setDraft({ ...draft, tenantDomain: data.value })} />
      </DialogField>
      <DialogField path="timeZone" label="Customer time zone" validationMessage={zoneError}>
        <Input value={draft.timeZone} onChange={(_, data) => setDraft({ ...draft, timeZone: data.value })} />
      </DialogField>
      <DialogField path="priority" label="Priority">
        <Dropdown
          value={draft.priority === null ? '' : PRIORITY_LABEL[draft.priority]}
          selectedOptions={draft.priority === null ? [] : [draft.priority]}
          onOptionSelect={(_, data) => setDraft({ ...draft, priority: data.optionValue as Priority })}
        >
          {Priority.options.map((value) => (
            <Option key={value} value={value}>
              {PRIORITY_LABEL[value]}
            </Option>
          ))}
        </Dropdown>
      </DialogField>
      <DialogField path="scope" label="Product area">
        <Dropdown
          value={draft.scope === null ? '' : SCOPE_LABEL[draft.scope]}
          selectedOptions={draft.scope === null ? [] : [draft.scope]}
          onOptionSelect={(_, data) => setDraft({ ...draft, scope: data.optionValue as Scope })}
        >
          {Scope.options.map((value) => (
            <Option key={value} value={value}>
              {SCOPE_LABEL[value]}
            </Option>
          ))}
        </Dropdown>
      </DialogField>
    </ChangeDialog>
  );
}
