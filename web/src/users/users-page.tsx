import { useState } from 'react';
import { useCan } from '../access.tsx';
import type { User } from '../api.ts';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { AddUserForm } from './add-user-form.tsx';
import { USERS_PATH, type UserList } from './api.ts';
import { UserManage } from './user-manage.tsx';
import { UsersTable } from './users-table.tsx';

/**
 * The admin's users page: every user with role and status, and for the one chosen, disable or enable,
 * change role, reset password (docs/domain.md, Parties, users and access). The server decides who may
 * (`users:read`, `users:manage`); a non-admin who opens it sees the refusal and what their role may do.
 */
export function UsersPage({ user }: { user: User }) {
  const { t } = useI18n();
  const can = useCan();
  const [state, reload, refresh] = useApi<UserList>(USERS_PATH);
  const [selected, setSelected] = useState<string | null>(null);
  usePageTitle(t('users.title'));
  const chosen = state.status === 'ok' ? state.data.items.find((u) => u.name === selected) : undefined;

  return (
    <>
      <h1>{t('users.title')}</h1>
      <p className="usa-intro">{t('users.intro')}</p>
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.data.items.length === 0 && (
        <p className="custodia-empty">{t('users.none')}</p>
      )}
      {state.status === 'ok' && state.data.items.length > 0 && (
        <UsersTable users={state.data.items} self={user.name} selected={selected} onSelect={setSelected} />
      )}
      {chosen && (
        <UserManage key={chosen.name} user={chosen} onChanged={refresh} onClose={() => setSelected(null)} />
      )}
      <p>
        <Link href="/parties">{t('users.partiesLink')}</Link>
      </p>
      {can('users:manage') && <AddUserForm onAdded={refresh} />}
    </>
  );
}
