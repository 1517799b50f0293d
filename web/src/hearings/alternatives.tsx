import { useI18n } from '../language.tsx';
import type { Alternative } from './api.ts';

/**
 * The slots offered when the one asked for is not free (up to 3: the same room nearest first, then other
 * rooms), each in the facility's and the court's time, each bookable with one button.
 */
export function Alternatives({
  alternatives,
  busy,
  onChoose,
}: {
  alternatives: readonly Alternative[];
  busy: boolean;
  onChoose: (alternative: Alternative) => void;
}) {
  const { t } = useI18n();
  const when = (a: Alternative) => ({
    room: a.room,
    facility: a.facilityTime.local.replace('T', ' '),
    court: a.courtTime.local.replace('T', ' '),
  });
  if (alternatives.length === 0)
    return (
      <p className="usa-alert__text" role="alert">
        {t('hearings.noAlternatives')}
      </p>
    );
  return (
    <div role="alert">
      <p>{t('hearings.unavailable')}</p>
      <ul className="usa-list">
        {alternatives.map((a) => (
          <li key={`${a.room} ${a.start}`}>
            {t('hearings.alternative', when(a))}{' '}
            <button
              type="button"
              className="usa-button usa-button--outline"
              disabled={busy}
              onClick={() => onChoose(a)}
            >
              {t('hearings.bookAlternative', when(a))}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
