import { useI18n } from '../language.tsx';
import type { UserSummary } from './api.ts';
import './users-page.css';

/** Which state a user is in, for the tag: disabled wins over a pending password change. */
export function userStatus(user: UserSummary): 'enabled' | 'disabled' | 'mustChange' {
  if (user.disabledAt) return 'disabled';
  return user.mustChangePassword ? 'mustChange' : 'enabled';
}

/** A user's state as a tag: the words say it, the colour only repeats it. */
export function UserStatusTag({ user }: { user: UserSummary }) {
  const { t, fmt } = useI18n();
  const status = userStatus(user);
  return (
    <>
      <span className={`usa-tag custodia-user-status custodia-user-status--${status}`} data-status={status}>
        {t(`users.status.${status}`)}
      </span>
      {user.disabledAt && (
        <span className="custodia-user-since">
          {t('users.disabledSince', { date: fmt.localInstant(user.disabledAt) })}
        </span>
      )}
    </>
  );
}
