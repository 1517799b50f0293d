import type { ReactNode } from 'react';
import './scroll-region.css';

/**
 * A wide table's horizontal scroll box. It can take keyboard focus and is a labelled region, so someone
 * without a mouse can scroll it with the arrow keys and a screen reader names it (WCAG 2.1.1).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable to be scrolled by keyboard.
    <section className="custodia-scroll-region" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
