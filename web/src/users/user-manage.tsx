import { useId, useState } from 'react';
import { ActionFeedback, type Said, useAction } from '../components/action-feedback.tsx';
import { SelectField } from '../components/fields.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import {
  changeRole,
  disableUser,
  enableUser,
  isRole,
  ROLES,
  resetPassword,
  type UserSummary,
} from './api.ts';
import { ConfirmAct } from './confirm-act.tsx';
import { OneTimePassword } from './one-time-password.tsx';

type Pending = 'disable' | 'enable' | 'role' | 'reset' | null;

interface UserManageProps {
  user: UserSummary;
  /** Refreshes the list after an act, keeping the page where it is. */
  onChanged: () => void;
  onClose: () => void;
}

/**
 * What an admin may do to one user: disable or enable, change the role, reset the password. Each act asks
 * for confirmation first; a refusal (the last admin, a race with another admin) quotes the server.
 */
export function UserManage({ user, onChanged, onClose }: UserManageProps) {
  const { t, label, fmt } = useI18n();
  const id = useId();
  const action = useAction(onChanged);
  const [pending, setPending] = useState<Pending>(null);
  const [role, setRole] = useState<string>(user.role);
  const [roleError, setRoleError] = useState<string | null>(null);
  const [oneTime, setOneTime] = useState<string | null>(null);
  const name = user.name;
  const busy = action.state.busy !== null;

  const ask = (next: Pending) => {
    action.clear();
    setPending(next);
  };
  const act = async (key: Exclude<Pending, null>, call: () => Promise<unknown>, done: Said) => {
    await action.run(key, call, done);
    setPending(null);
  };
  const askRole = () => {
    if (!isRole(role) || role === user.role) {
      setRoleError(t('users.sameRole', { name }));
      return;
    }
    setRoleError(null);
    ask('role');
  };
  const confirmRole = () => {
    if (!isRole(role)) return;
    void act(
      'role',
      () => changeRole(name, role),
      ({ t, label }) => t('users.roleChanged', { name, role: label('role', role) }),
    );
  };
  const confirmReset = () =>
    void act(
      'reset',
      async () => {
        const reset = await resetPassword(name);
        setOneTime(reset.password);
      },
      ({ t }) => t('users.resetDone', { name }),
    );

  return (
    <Section title={t('users.manageTitle', { name })} className="custodia-user-panel">
      <ActionFeedback state={action.state} />
      {oneTime && <OneTimePassword name={name} password={oneTime} onHide={() => setOneTime(null)} />}

      <h3>{t('users.access')}</h3>
      <p>
        {user.disabledAt
          ? t('users.accessDisabled', { name })
          : t('users.accessEnabled', {
              name,
              sessions: fmt.number(user.activeSessions),
              tokens: fmt.number(user.activeTokens),
            })}
      </p>
      {pending === 'disable' || pending === 'enable' ? (
        <ConfirmAct
          question={t(pending === 'disable' ? 'users.confirmDisable' : 'users.confirmEnable', { name })}
          confirm={t(pending === 'disable' ? 'users.yesDisable' : 'users.yesEnable', { name })}
          busy={busy}
          onConfirm={() =>
            pending === 'disable'
              ? void act(
                  'disable',
                  () => disableUser(name),
                  ({ t }) => t('users.disabled', { name }),
                )
              : void act(
                  'enable',
                  () => enableUser(name),
                  ({ t }) => t('users.enabled', { name }),
                )
          }
          onCancel={() => setPending(null)}
        />
      ) : (
        <button
          type="button"
          className={user.disabledAt ? 'usa-button' : 'usa-button usa-button--secondary'}
          onClick={() => ask(user.disabledAt ? 'enable' : 'disable')}
        >
          {t(user.disabledAt ? 'users.enable' : 'users.disable')}
        </button>
      )}

      <h3>{t('users.role')}</h3>
      <div className="custodia-user-role">
        <SelectField
          id={`${id}-role`}
          label={t('users.newRole')}
          value={role}
          onChange={(value) => {
            setRole(value);
            setRoleError(null);
            if (pending === 'role') setPending(null);
          }}
          choices={ROLES.map((r) => ({ value: r, label: label('role', r) }))}
          error={roleError ?? undefined}
        />
        {pending !== 'role' && (
          <button type="button" className="usa-button usa-button--outline" onClick={askRole}>
            {t('users.changeRole')}
          </button>
        )}
      </div>
      {pending === 'role' && isRole(role) && (
        <ConfirmAct
          question={t('users.confirmRole', {
            name,
            from: label('role', user.role),
            to: label('role', role),
          })}
          confirm={t('users.yesRole')}
          busy={busy}
          onConfirm={confirmRole}
          onCancel={() => setPending(null)}
        />
      )}

      <h3>{t('users.password')}</h3>
      <p>{t('users.passwordIntro', { name })}</p>
      {pending === 'reset' ? (
        <ConfirmAct
          question={t('users.confirmReset', { name })}
          confirm={t('users.yesReset')}
          busy={busy}
          onConfirm={confirmReset}
          onCancel={() => setPending(null)}
        />
      ) : (
        <button type="button" className="usa-button usa-button--outline" onClick={() => ask('reset')}>
          {t('users.resetPassword')}
        </button>
      )}

      <p className="margin-top-3">
        <button type="button" className="usa-button usa-button--unstyled" onClick={onClose}>
          {t('users.close')}
        </button>
      </p>
    </Section>
  );
}
