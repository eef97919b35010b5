import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;
const Context = createContext<Announce>(() => undefined);

/**
 * The outcome of an action, shown at the top of the page and focused (WCAG 4.1.3, 2.4.3): the
 * button that started it is often gone, and a screen reader hears the result instead of silence.
 */
export function Announcer({ children, clearOn }: { children: ReactNode; clearOn: string }) {
  const [message, setMessage] = useState({ text: '', count: 0 });
  const ref = useRef<HTMLParagraphElement>(null);
  const announce = useCallback<Announce>((text) => setMessage((m) => ({ text, count: m.count + 1 })), []);
  useEffect(() => {
    if (message.count > 0) ref.current?.focus();
  }, [message]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new view starts without the last view's outcome
  useEffect(() => setMessage((m) => ({ ...m, text: '' })), [clearOn]);
  return (
    <Context.Provider value={announce}>
      <p ref={ref} className="announcement" role="status" tabIndex={-1} data-testid="announcement">
        {message.text}
      </p>
      {children}
    </Context.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(Context);
}
