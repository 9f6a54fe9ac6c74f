/**
 * Recording Microsoft's Cloud / On-Premise decision. On-Premise without the customer's On-Premise
 * add-on closes the ticket as not entitled, with an explanation the engineer can edit before it goes.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { closureExplanation, type Ticket } from '../../../shared/domain';
import type { ChangeRunner } from '../ticket/use-change';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

type Decision = 'cloud' | 'on_premise';

export function RecordScenarioDialog({ ticket, change }: { ticket: Ticket; change: ChangeRunner }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [scenario, setScenario] = useState<Decision>('cloud');
  const [explanation, setExplanation] = useState('');
  const entitled = ticket.entitlement?.onPremiseAddOn === true;
  const closes = scenario === 'on_premise' && !entitled;

  const save = async () => {
    const done = await change.run('recordScenario', {
      ticketId: ticket.id,
      eventId: crypto.randomUUID(),
      scenario,
      ...(closes ? { explanation: explanation.trim(), replyId: crypto.randomUUID() } : {}),
    });
    if (done) setOpen(false);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        if (data.open) {
          setScenario('cloud');
          setExplanation(closureExplanation(ticket, 'on_premise_not_entitled'));
        }
        setOpen(data.open);
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button>Record Cloud / On-Premise…</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Microsoft's scenario for {ticket.number}</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label="Microsoft confirmed the issue falls into">
              <RadioGroup value={scenario} onChange={(_, data) => setScenario(data.value as Decision)}>
                <Radio value="cloud" label="The Cloud scenario" />
                <Radio value="on_premise" label="The On-Premise scenario" />
              </RadioGroup>
            </Field>
            {scenario === 'on_premise' && (
              <Text>
                {entitled
                  ? 'The customer holds the On-Premise add-on: the escalation continues.'
                  : 'The customer has not purchased the On-Premise add-on: the ticket will be closed as not entitled and this explanation sent.'}
              </Text>
            )}
            {closes && (
              <Field label="Explanation for the customer" required>
                <Textarea value={explanation} rows={9} onChange={(_, data) => setExplanation(data.value)} />
              </Field>
            )}
            {change.error !== null && (
              <MessageBar intent="error">
                <MessageBarBody>{change.error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={change.busy || (closes && explanation.trim() === '')}
              onClick={() => void save()}
            >
              {closes ? 'Close as not entitled and send' : 'Record'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
