import type { FormEvent, ReactNode } from 'react';
import type { ActionRunner } from '../components/action-feedback.tsx';
import { useI18n } from '../language.tsx';

/**
 * One of finance's forms: a titled USWDS form with an optional note under the title. The browser's own
 * validation is off: the form checks its fields and says why in the reader's language.
 */
export function ActionForm({
  title,
  note,
  className,
  onSubmit,
  children,
}: {
  title: string;
  note?: string;
  className?: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <form
      className={['usa-form custodia-action', className ?? null].filter(Boolean).join(' ')}
      onSubmit={onSubmit}
      noValidate
    >
      <h3 className="margin-top-0">{title}</h3>
      {note && <p className="custodia-note-text margin-top-0">{note}</p>}
      {children}
    </form>
  );
}

/**
 * A form's submit button: busy ("Working…") while its own action runs, marked disabled while any action
 * of the section runs (the runner ignores a second click, so the button stays focusable).
 */
export function SubmitButton({
  runner,
  action,
  label,
  outline = false,
}: {
  runner: ActionRunner;
  /** The key the form runs its action under. */
  action: string;
  label: string;
  outline?: boolean;
}) {
  const { t } = useI18n();
  return (
    <button
      type="submit"
      className={outline ? 'usa-button usa-button--outline margin-top-2' : 'usa-button margin-top-2'}
      aria-disabled={runner.state.busy !== null || undefined}
    >
      {runner.state.busy === action ? t('action.working') : label}
    </button>
  );
}
