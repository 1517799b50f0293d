import type { ReactNode } from 'react';
import './scroll-region.css';

/**
 * A wide table's horizontal scroll box. It can take keyboard focus and is a named group, so someone
 * without a mouse can scroll it with the arrow keys and a screen reader names it (WCAG 2.1.1). A group,
 * not a landmark: a page's sections are its landmarks, and a box named like its section's heading must not
 * make a second landmark of the same name.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable box must be focusable to be scrolled by keyboard.
    // biome-ignore lint/a11y/useSemanticElements: a fieldset groups form controls; this groups a table.
    <div className="custodia-scroll-region" role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
