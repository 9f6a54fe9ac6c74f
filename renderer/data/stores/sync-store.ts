/** Sync status for the status bar (online, pending changes, last sync, last error), and whether the engine is busy. */
import { create } from 'zustand';
import type { SyncStatus } from '../sync-engine';

export interface SyncState extends SyncStatus {
  /**
   * The engine is pushing or writing a run of pulled pages (SyncEngineOptions.onBusy): what only
   * refreshes a side of the screen (the tray, the calendar, the refused changes) is read once it is idle.
   */
  busy: boolean;
}

export const initialSyncStatus: SyncState = {
  online: true,
  syncing: false,
  pending: 0,
  lastSyncAt: null,
  lastError: null,
  progress: null,
  busy: false,
};

export const useSyncStore = create<SyncState>(() => initialSyncStatus);
