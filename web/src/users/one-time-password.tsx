import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../language.tsx';

/**
 * The one-time password of a reset, shown this once: the server does not keep it, and the page forgets it
 * when the admin hides it or leaves. It takes the focus so a screen reader reads it at once.
 */
export function OneTimePassword({
  name,
  password,
  onHide,
}: {
  name: string;
  password: string;
  onHide: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      className="usa-alert usa-alert--info custodia-one-time"
    >
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading" id={`${id}-title`}>
          {t('users.oneTimeTitle', { name })}
        </h3>
        <p className="usa-alert__text">{t('users.oneTimeNote', { name })}</p>
        <p className="usa-alert__text">
          <span className="usa-sr-only">{t('users.oneTimeLabel')}: </span>
          <code className="custodia-one-time__secret" data-testid="one-time-password">
            {password}
          </code>
        </p>
        <button type="button" className="usa-button usa-button--outline margin-top-1" onClick={onHide}>
          {t('users.oneTimeDone')}
        </button>
      </div>
    </section>
  );
}
