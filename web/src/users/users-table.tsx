import { DataTable } from '../billing/data-table.tsx';
import { useI18n } from '../language.tsx';
import type { UserSummary } from './api.ts';
import { UserStatusTag } from './user-status-tag.tsx';

interface UsersTableProps {
  users: readonly UserSummary[];
  /** The signed-in admin's name, marked "(you)". */
  self: string;
  selected: string | null;
  onSelect: (name: string) => void;
}

/** Every user: name, role, status, last sign-in, open sessions and live tokens, and a Manage button. */
export function UsersTable({ users, self, selected, onSelect }: UsersTableProps) {
  const { t, label, fmt } = useI18n();
  return (
    <DataTable caption={t('users.caption')} compact className="custodia-users">
      <thead>
        <tr>
          <th scope="col">{t('users.name')}</th>
          <th scope="col">{t('users.role')}</th>
          <th scope="col">{t('users.parties')}</th>
          <th scope="col">{t('users.status')}</th>
          <th scope="col">{t('users.lastSignIn')}</th>
          <th scope="col" className="text-right">
            {t('users.sessions')}
          </th>
          <th scope="col" className="text-right">
            {t('users.tokens')}
          </th>
          <th scope="col">{t('users.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-user={user.name} aria-current={selected === user.name || undefined}>
            <th scope="row">
              {user.name} {user.name === self && <span className="custodia-user-you">{t('users.you')}</span>}
            </th>
            <td>{label('role', user.role)}</td>
            <td>{user.parties.length > 0 ? user.parties.join(', ') : t('users.noParties')}</td>
            <td>
              <UserStatusTag user={user} />
            </td>
            <td>{user.lastSignInAt ? fmt.localInstant(user.lastSignInAt) : t('users.never')}</td>
            <td className="text-right text-tabular">{fmt.number(user.activeSessions)}</td>
            <td className="text-right text-tabular">{fmt.number(user.activeTokens)}</td>
            <td>
              <button
                type="button"
                className="usa-button usa-button--outline custodia-user-manage"
                aria-label={t('users.manageTitle', { name: user.name })}
                aria-expanded={selected === user.name}
                onClick={() => onSelect(user.name)}
              >
                {t('users.manage')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
