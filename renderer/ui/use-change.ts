/** Runs a change from a ticket screen and keeps its refusal, in words, for the screen to show. */
import { useState } from 'react';
import type { MutationArgs, MutationName } from '../../shared/mutations';
import { workspaceActions } from '../data/workspace';

export interface ChangeRunner {
  /** Resolves true once the change is saved (locally, and queued for the server), false if refused. */
  run<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<boolean>;
  busy: boolean;
  error: string | null;
  clearError(): void;
}

export function useChange(): ChangeRunner {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return {
    busy,
    error,
    clearError: () => setError(null),
    async run(name, args) {
      setBusy(true);
      setError(null);
      try {
        await workspaceActions.perform(name, args);
        return true;
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };
}
