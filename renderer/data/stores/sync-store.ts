/** Sync status for the status bar: online, pending changes, last sync, last error. */
import { create } from 'zustand';
import type { SyncStatus } from '../sync-engine';

export const initialSyncStatus: SyncStatus = {
  online: true,
  syncing: false,
  pending: 0,
  lastSyncAt: null,
  lastError: null,
  progress: null,
};

export const useSyncStore = create<SyncStatus>(() => initialSyncStatus);
