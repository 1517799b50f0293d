import { type FormEvent, useId, useState } from 'react';
import { ApiError, getSession, type Session } from '../api.ts';
import { TextField } from '../components/fields.tsx';
import { useErrorText } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { changePassword, PASSWORD_LENGTH } from './api.ts';

interface ChangePasswordPageProps {
  /** The signed-in user, whose password an admin reset. */
  name: string;
  /** Called with the session once the new password is set: nothing else was open until then. */
  onChanged: (session: Session) => void;
}

/**
 * The first sign-in after an admin reset the password: the one-time password opened this session, and
 * until a new password is set every other page is refused, so the app shows only this form.
 */
export function ChangePasswordPage({ name, onChanged }: ChangePasswordPageProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('password.title'));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: { password?: string; repeat?: string } = {};
    if (password.length < PASSWORD_LENGTH.min) {
      found.password = t('password.tooShort', { min: PASSWORD_LENGTH.min });
    } else if (password.length > PASSWORD_LENGTH.max) {
      found.password = t('password.tooLong', { max: PASSWORD_LENGTH.max });
    } else if (repeat !== password) {
      found.repeat = t('password.mismatch');
    }
    setErrors(found);
    if (found.password || found.repeat) return;
    setBusy(true);
    setFailure(null);
    try {
      await changePassword(password);
      const session = await getSession();
      if (session) onChanged(session);
    } catch (caught) {
      setFailure(caught instanceof ApiError ? errorText(caught) : String(caught));
      setBusy(false);
    }
  };

  return (
    <div className="grid-row">
      <div className="tablet:grid-col-8 desktop:grid-col-6">
        <h1>{t('password.title')}</h1>
        <p className="usa-intro">{t('password.intro', { name })}</p>
        <div aria-live="assertive">
          {failure && (
            <div className="usa-alert usa-alert--error" id={`${id}-failure`}>
              <div className="usa-alert__body">
                <h2 className="usa-alert__heading">{t('password.failed')}</h2>
                <p className="usa-alert__text">{failure}</p>
              </div>
            </div>
          )}
        </div>
        <form className="usa-form usa-form--large" onSubmit={submit} noValidate>
          {/* The user name lets a password manager file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={name} readOnly hidden />
          <TextField
            id={`${id}-new`}
            type="password"
            label={t('password.new')}
            hint={t('password.hint', { min: PASSWORD_LENGTH.min })}
            autoComplete="new-password"
            required
            value={password}
            onChange={setPassword}
            error={errors.password}
          />
          <TextField
            id={`${id}-repeat`}
            type="password"
            label={t('password.repeat')}
            autoComplete="new-password"
            required
            value={repeat}
            onChange={setRepeat}
            error={errors.repeat}
          />
          <button type="submit" className="usa-button margin-top-3" disabled={busy} aria-disabled={busy}>
            {busy ? t('password.saving') : t('password.save')}
          </button>
        </form>
      </div>
    </div>
  );
}
