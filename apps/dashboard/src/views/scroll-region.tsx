import type { ReactNode } from 'react';

/**
 * A wide table scrolls inside its own box instead of the page; the box takes the keyboard focus
 * and has a name, so people who cannot use a pointer can scroll it too (WCAG 2.1.1).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled by keyboard
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
