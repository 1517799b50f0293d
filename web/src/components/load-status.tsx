import { POLICY_ACTION_WORDS } from '../../../src/core/messages/auth.ts';
import { type Action, PAGE_ACTIONS, PAGES, useAccess } from '../access.tsx';
import type { ApiError } from '../api.ts';
import { useI18n } from '../language.tsx';

/** Announces async progress politely to screen readers; visible while something is loading. */
export function LiveStatus({ text, visuallyHidden = false }: { text: string; visuallyHidden?: boolean }) {
  return (
    <p className={visuallyHidden ? 'usa-sr-only' : 'custodia-status'} role="status" aria-live="polite">
      {text}
    </p>
  );
}

/** The message for a failed call: the server's problem detail, or a translated network message. */
export function useErrorText(): (error: ApiError) => string {
  const { t } = useI18n();
  return (error) => (error.status === 0 ? t('error.network') : error.message);
}

/**
 * A failed load. A refusal (403) says so, quotes the server's reason and says what the reader's role may
 * do instead: trying again would only be refused again. Anything else (the network, a 5xx) may pass on
 * a second attempt, so it offers one.
 */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  if (error.status === 403) return <NotAllowed error={error} />;
  return (
    <div className="usa-alert usa-alert--error margin-y-3" role="alert">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{t('error.title')}</h2>
        <p className="usa-alert__text">{errorText(error)}</p>
        <button type="button" className="usa-button usa-button--outline margin-top-2" onClick={onRetry}>
          {t('error.retry')}
        </button>
      </div>
    </div>
  );
}

/**
 * Route-level actions that the session lists beside the single steps they cover (`transfers:act` beside
 * `transfer:approve`…): naming both would say the same thing twice.
 */
export const COVERED_BY_STEPS: readonly Action[] = [
  'transfers:act',
  'holds:record',
  'custody:record',
  'legal_visits:request',
  'legal_visits:manage',
  'hearings:write',
];

/** Reads whose action names do not end in `:read`: listed with the pages, not with what the role does. */
export const READS: readonly Action[] = ['ledger:person_proofs', 'ledger:entries'];

/**
 * A 403: the server's refusal, already in the reader's language, then what the reader's role may use:
 * the pages it may open and the actions it may take, from the session's permissions.
 */
function NotAllowed({ error }: { error: ApiError }) {
  const { t, label, lang, fmt } = useI18n();
  const { role, actions } = useAccess();
  const pages = PAGES.filter((page) => actions.includes(PAGE_ACTIONS[page])).map((page) => t(`nav.${page}`));
  const steps = actions
    .filter(
      (action) => !action.endsWith(':read') && !READS.includes(action) && !COVERED_BY_STEPS.includes(action),
    )
    .map((action) => POLICY_ACTION_WORDS[action][lang]);
  return (
    <div className="usa-alert usa-alert--warning margin-y-3" role="alert">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{t('error.notAllowed')}</h2>
        <p className="usa-alert__text">{error.message}</p>
        {role && (
          <p className="usa-alert__text">
            {pages.length > 0
              ? t('error.rolePages', { role: label('role', role), pages: fmt.list(pages) })
              : t('error.roleNoPages', { role: label('role', role) })}{' '}
            {steps.length > 0
              ? t('error.roleActions', { actions: fmt.list(steps) })
              : t('error.roleReadsOnly')}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * A detail page's failed load: for a 404 a "not found" warning with the page's own explanation, for a
 * 403 what the reader's role may do, otherwise the error with a retry button.
 */
export function DetailLoadError({
  error,
  onRetry,
  notFoundText,
}: {
  error: ApiError;
  onRetry: () => void;
  notFoundText: string;
}) {
  const { t } = useI18n();
  if (error.status !== 404) return <LoadError error={error} onRetry={onRetry} />;
  return (
    <div className="usa-alert usa-alert--warning" role="alert">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{t('notFound.title')}</h2>
        <p className="usa-alert__text">{notFoundText}</p>
      </div>
    </div>
  );
}
