import { createContext, useContext, useEffect } from 'react';

/** A view's own title (e.g. a subject's name) instead of its view's name; undefined gives it back. */
export const PageTitleContext = createContext<(title: string | undefined) => void>(() => undefined);

export function usePageTitle(title: string | undefined): void {
  const setTitle = useContext(PageTitleContext);
  useEffect(() => {
    setTitle(title);
    return () => setTitle(undefined);
  }, [title, setTitle]);
}

/** WCAG 2.4.2: each view names itself in the tab and the history, brand last. */
export function useDocumentTitle(...parts: string[]): void {
  const title = parts.join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
