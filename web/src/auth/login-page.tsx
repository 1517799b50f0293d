import { type FormEvent, useId, useState } from 'react';
import { ApiError, login, type Session } from '../api.ts';
import { useErrorText } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';

interface LoginPageProps {
  /** Why the sign-in page is shown, when it is not the first visit. */
  notice: 'signedOut' | 'expired' | null;
  onSignedIn: (session: Session) => void;
}

/** Name and password; a refusal shows the API's problem `detail` (wrong password, rate limit). */
export function LoginPage({ notice, onSignedIn }: LoginPageProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(t('login.title'));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!name.trim() || !password) {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await login(name.trim(), password));
    } catch (caught) {
      setError(caught instanceof ApiError ? errorText(caught) : String(caught));
      setBusy(false);
    }
  };

  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8 desktop:grid-col-6">
        <h1>{t('login.title')}</h1>
        {notice && !error && (
          <div className="usa-alert usa-alert--info usa-alert--slim" role="status">
            <div className="usa-alert__body">
              <p className="usa-alert__text">
                {t(notice === 'expired' ? 'login.expired' : 'login.signedOut')}
              </p>
            </div>
          </div>
        )}
        <p className="usa-intro">{t('login.intro')}</p>
        <div aria-live="assertive">
          {error && (
            <div className="usa-alert usa-alert--error" id={`${id}-error`}>
              <div className="usa-alert__body">
                <h2 className="usa-alert__heading">{t('login.failed')}</h2>
                <p className="usa-alert__text">{error}</p>
              </div>
            </div>
          )}
        </div>
        <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
          <fieldset className="usa-fieldset">
            <legend className="usa-sr-only">{t('login.title')}</legend>
            <label className="usa-label" htmlFor={`${id}-name`}>
              {t('login.name')}
            </label>
            <input
              className="usa-input"
              id={`${id}-name`}
              name="name"
              autoComplete="username"
              autoCapitalize="off"
              spellCheck={false}
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            <label className="usa-label" htmlFor={`${id}-password`}>
              {t('login.password')}
            </label>
            <input
              className="usa-input"
              id={`${id}-password`}
              name="password"
              type={showPassword ? 'text' : 'password'}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <div className="usa-checkbox margin-top-2">
              <input
                className="usa-checkbox__input"
                id={`${id}-show`}
                type="checkbox"
                checked={showPassword}
                onChange={(event) => setShowPassword(event.target.checked)}
              />
              <label className="usa-checkbox__label" htmlFor={`${id}-show`}>
                {t('login.showPassword')}
              </label>
            </div>
            <button type="submit" className="usa-button margin-top-3" disabled={busy} aria-disabled={busy}>
              {busy ? t('login.submitting') : t('login.submit')}
            </button>
          </fieldset>
        </form>
        <ul className="usa-list usa-list--unstyled margin-top-4 custodia-public-links">
          <li>
            <Link href="/locator">{t('locator.link')}</Link>
          </li>
          <li className="margin-top-1">
            <Link href="/statistics">{t('statistics.link')}</Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
