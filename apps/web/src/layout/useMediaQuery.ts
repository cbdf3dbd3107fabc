import { useCallback, useSyncExternalStore } from 'react';

/** True while the media query matches; no flash of the wrong layout on the first render. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', onChange);
      return () => mql.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones and narrow tablets (below antd's md breakpoint, 768 px). */
export const useIsNarrow = () => useMediaQuery('(max-width: 767.98px)');

/** Drawer width: the given width on wide screens, full width on phones. */
export function useDrawerSize(width: number): number | string {
  return useIsNarrow() ? '100%' : width;
}
