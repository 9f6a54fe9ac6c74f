/** Short-lived notices of the lead view (a reassignment done or refused, an export saved), announced politely. */
import { Toast, ToastTitle, useToastController, type ToastIntent } from '@fluentui/react-components';
import { useCallback } from 'react';

/** The id of the Toaster LeadView renders. */
export const LEAD_TOASTER = 'lead-view';

export function useLeadNotice(): (intent: ToastIntent, text: string) => void {
  const { dispatchToast } = useToastController(LEAD_TOASTER);
  return useCallback(
    (intent, text) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        // A refusal stays until read; good news goes by itself.
        { intent, timeout: intent === 'error' ? -1 : 4000 },
      ),
    [dispatchToast],
  );
}
