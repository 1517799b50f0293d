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

/** A USWDS error alert for a failed load, with a retry button. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
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
 * A detail page's failed load: for a 404 a "not found" warning with the page's own explanation,
 * otherwise the error with a retry button.
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
