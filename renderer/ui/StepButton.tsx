/** A ticket step that is a plain button (no dialog): the command palette and shortcuts can press it too. */
import { Button, type ButtonProps } from '@fluentui/react-components';
import type { TicketStep } from '../data/ticket-steps';
import { useStepRequest } from './use-step-request';

export function StepButton({ step, onClick, ...props }: ButtonProps & { step: TicketStep; onClick: () => void }) {
  useStepRequest(step, onClick);
  return <Button {...props} onClick={onClick} />;
}
