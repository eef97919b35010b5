import type { ReactNode } from 'react';

/**
 * A wide table scrolls inside its own box on a narrow screen (WCAG 1.4.10: the page itself never
 * scrolls sideways). The box is focusable and named, so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable)
    <div className="scroll-box" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** A table in its own scroll box. */
export function ScrollTable({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={label}>
      <table className={className}>{children}</table>
    </ScrollRegion>
  );
}
