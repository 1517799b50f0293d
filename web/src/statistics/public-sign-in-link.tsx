import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';

/** The way back to sign-in from a public page (locator, statistics), for a reader who is not signed in. */
export function PublicSignInLink({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  if (signedIn) return null;
  return (
    <p className="margin-top-4">
      <Link href="/login">{t('locator.signIn')}</Link>
    </p>
  );
}
