/**
 * Recording Microsoft's Cloud / On-Premise decision. On-Premise without the customer's On-Premise
 * add-on closes the ticket as not entitled, with an explanation the engineer can edit before it goes.
 */
import { Button, Field, Radio, RadioGroup, Text, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { closureExplanation, type Ticket } from '../../../shared/domain';
import { ChangeDialog } from '../../ui/ChangeDialog';
import type { ChangeRunner } from '../../ui/use-change';

type Decision = 'cloud' | 'on_premise';

/** `onPremiseCloses`: whether the flow closes this ticket on an On-Premise finding (no add-on proven). */
export function RecordScenarioDialog({
  ticket,
  onPremiseCloses,
  change,
}: {
  ticket: Ticket;
  onPremiseCloses: boolean;
  change: ChangeRunner;
}) {
  const [scenario, setScenario] = useState<Decision>('cloud');
  const [explanation, setExplanation] = useState('');
  const closes = scenario === 'on_premise' && onPremiseCloses;

  return (
    <ChangeDialog
      trigger={<Button>Record Cloud / On-Premise…</Button>}
      step="record_scenario"
      title={`Microsoft's scenario for ${ticket.number}`}
      confirmLabel={closes ? 'Close as not entitled and send' : 'Record'}
      canConfirm={!change.busy && (!closes || explanation.trim() !== '')}
      onOpen={() => {
        setScenario('cloud');
        setExplanation(closureExplanation(ticket, 'on_premise_not_entitled'));
      }}
      onConfirm={() =>
        change.attempt('recordScenario', {
          ticketId: ticket.id,
          eventId: crypto.randomUUID(),
          scenario,
          ...(closes ? { explanation: explanation.trim(), replyId: crypto.randomUUID() } : {}),
        })
      }
    >
      <Field label="Microsoft confirmed the issue falls into">
        <RadioGroup value={scenario} onChange={(_, data) => setScenario(data.value as Decision)}>
          <Radio value="cloud" label="The Cloud scenario" />
          <Radio value="on_premise" label="The On-Premise scenario" />
        </RadioGroup>
      </Field>
      {scenario === 'on_premise' && (
        <Text>
          {!onPremiseCloses
            ? 'The customer holds the On-Premise add-on: the escalation continues.'
            : 'The customer has not purchased the On-Premise add-on: the ticket will be closed as not entitled and this explanation sent.'}
        </Text>
      )}
      {closes && (
        <Field label="Explanation for the customer" required>
          <Textarea value={explanation} rows={9} onChange={(_, data) => setExplanation(data.value)} />
        </Field>
      )}
    </ChangeDialog>
  );
}
