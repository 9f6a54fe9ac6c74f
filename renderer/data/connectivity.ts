/** Whether the machine believes it is online, and when that changes (the browser's online/offline events). */
export interface Connectivity {
  isOnline(): boolean;
  /** Calls back on every change; returns the unsubscribe. */
  watch(onChange: (online: boolean) => void): () => void;
}

export const browserConnectivity: Connectivity = {
  isOnline: () => navigator.onLine,
  watch(onChange) {
    const online = () => onChange(true);
    const offline = () => onChange(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
    };
  },
};
