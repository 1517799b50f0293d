import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';

/** The court's way from its home to its day list of video-link hearings. */
export function CourtDayLink() {
  const { t } = useI18n();
  return (
    <p>
      <Link className="usa-link" href="/court-hearings">
        {t('hearings.courtDayLink')}
      </Link>
    </p>
  );
}
