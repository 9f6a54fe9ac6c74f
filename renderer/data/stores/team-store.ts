/** The signed-in user's team: who tickets can be assigned to, and the process rules (reopen window, reminders). */
import { create } from 'zustand';
import type { TeamContext } from '../../../shared/domain';

export const useTeamStore = create<{ team: TeamContext | null }>(() => ({ team: null }));
