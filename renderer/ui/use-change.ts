/** Runs a change from a ticket screen; a refusal, in words, belongs to the button or the dialog that asked. */
import { useState } from 'react';
import type { MutationArgs, MutationName } from '../../shared/mutations';
import { workspaceActions } from '../data/workspace';
import { type Problem, problemOf } from './problem';

export interface ChangeRunner {
  /**
   * A change from a button of the screen: resolves true once saved (locally, and queued for the
   * server); a refusal is kept as `error`, for the screen to show.
   */
  run<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<boolean>;
  /** A change from a dialog: resolves null once saved, or the problem for the dialog to show; `error` is left alone. */
  attempt<N extends MutationName>(name: N, args: MutationArgs<N>): Promise<Problem | null>;
  busy: boolean;
  error: string | null;
  clearError(): void;
}

export function useChange(): ChangeRunner {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const attempt = async <N extends MutationName>(name: N, args: MutationArgs<N>): Promise<Problem | null> => {
    setBusy(true);
    try {
      await workspaceActions.perform(name, args);
      return null;
    } catch (failure) {
      return problemOf(failure);
    } finally {
      setBusy(false);
    }
  };
  return {
    busy,
    error,
    clearError: () => setError(null),
    attempt,
    async run(name, args) {
      setError(null);
      const problem = await attempt(name, args);
      if (problem !== null) setError(problem.message);
      return problem === null;
    },
  };
}
