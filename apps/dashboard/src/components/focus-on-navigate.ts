import { type RefObject, useEffect, useRef } from 'react';

/**
 * After a navigation, focus moves to the new view's heading (WCAG 2.4.3), so a screen reader reads
 * where the user is and Tab continues from there. Views that load first get their heading later:
 * it is focused when it appears. The first view keeps the browser's own start.
 */
export function useFocusOnNavigate(key: string, main: RefObject<HTMLElement | null>): void {
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect runs per navigation, which `key` names
  useEffect(() => {
    const root = main.current;
    if (first.current || !root) {
      first.current = false;
      return;
    }
    const focusHeading = (): boolean => {
      // While a lazy view loads, React keeps the previous view hidden in the page: skip its heading.
      const heading = [...root.querySelectorAll<HTMLElement>('h1')].find((h1) => h1.checkVisibility());
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [key, main]);
}
