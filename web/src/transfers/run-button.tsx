import type { ReactNode } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { useI18n } from '../language.tsx';

/**
 * A button that runs one of a section's actions: marked busy (`aria-disabled`) while any of the section's
 * actions is under way, and saying "Working…" while its own (`runKey`) is. `name`, read after the text by
 * screen readers only, says which row it acts on.
 */
export function RunButton({
  runner,
  runKey,
  onClick,
  submit = false,
  className = 'usa-button',
  name,
  children,
}: {
  runner: ActionRunner;
  /** The key the action runs under; without one the button never says "Working…". */
  runKey?: string;
  onClick?: () => void;
  /** True for a form's submit button. */
  submit?: boolean;
  className?: string;
  name?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const busy = runner.state.busy;
  return (
    <button
      type={submit ? 'submit' : 'button'}
      className={className}
      aria-disabled={busy !== null || undefined}
      onClick={onClick}
    >
      {runKey !== undefined && busy === runKey ? t('action.working') : children}
      {name && <span className="usa-sr-only"> {name}</span>}
    </button>
  );
}
