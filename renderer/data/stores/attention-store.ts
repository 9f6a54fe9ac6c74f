/** Changes the server refused, waiting for the user to edit and retry or discard them ("Needs attention"). */
import { create } from 'zustand';
import type { OutboxEntry } from '../outbox-entry';

export const useAttentionStore = create<{ refused: OutboxEntry[] }>(() => ({ refused: [] }));
