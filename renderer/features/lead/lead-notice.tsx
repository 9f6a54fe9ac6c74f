/** Short-lived notices of the lead view (a reassignment done or refused, an export saved), announced politely. */
import { Link, Toast, ToastTitle, useToastController, type ToastIntent } from '@fluentui/react-components';
import { useCallback } from 'react';

/** The id of the Toaster LeadView renders. */
export const LEAD_TOASTER = 'lead-view';

/** What the lead may do about a notice, such as undoing what it reports. */
export interface NoticeAction {
  label: string;
  run: () => void;
}

export function useLeadNotice(): (intent: ToastIntent, text: string, action?: NoticeAction) => void {
  const { dispatchToast, dismissToast } = useToastController(LEAD_TOASTER);
  return useCallback(
    (intent, text, action) => {
      const toastId = crypto.randomUUID();
      dispatchToast(
        <Toast>
          <ToastTitle
            action={
              action === undefined ? undefined : (
                <Link
                  onClick={() => {
                    dismissToast(toastId);
                    action.run();
                  }}
                >
                  {action.label}
                </Link>
              )
            }
          >
            {text}
          </ToastTitle>
        </Toast>,
        // A refusal stays until read; good news goes by itself, a little later when it can be undone.
        { toastId, intent, timeout: intent === 'error' ? -1 : action === undefined ? 4000 : 8000 },
      );
    },
    [dispatchToast, dismissToast],
  );
}
