import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from './page-title.ts';

/** Any path the app does not know. */
export function NotFoundPage() {
  const { t } = useI18n();
  usePageTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/" className="usa-button">
          {t('notFound.home')}
        </Link>
      </p>
    </>
  );
}
