import type { ReactNode } from 'react';
import { useI18n } from '../language.tsx';

/**
 * A form's submit button. While an action runs it stays focusable but says it is disabled, and the button
 * whose action runs says "Working…".
 */
export function SubmitButton({
  busy,
  working = busy,
  spacing = 'margin-top-2',
  children,
}: {
  /** An action of the form (or of its section) is running. */
  busy: boolean;
  /** This button's own action is running; by default, any. */
  working?: boolean;
  spacing?: 'margin-top-2' | 'margin-top-3';
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <button type="submit" className={`usa-button ${spacing}`} aria-disabled={busy || undefined}>
      {working ? t('action.working') : children}
    </button>
  );
}
