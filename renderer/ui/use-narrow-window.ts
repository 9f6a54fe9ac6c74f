/** Whether the window is narrow (below 1280 px): the header's buttons then keep their icons and drop their words. */
import { useSyncExternalStore } from 'react';

const narrowQuery = window.matchMedia('(max-width: 1279px)');
const subscribe = (onChange: () => void) => {
  narrowQuery.addEventListener('change', onChange);
  return () => narrowQuery.removeEventListener('change', onChange);
};

export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribe, () => narrowQuery.matches);
}
