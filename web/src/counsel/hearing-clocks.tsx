import type { Hearing } from '../hearings/api.ts';
import { useI18n } from '../language.tsx';

/**
 * When a hearing starts, on the court's clock and on the facility's, each with its zone: the court and the
 * person in custody may be hours apart, and each side reads its own.
 */
export function HearingClocks({ hearing }: { hearing: Hearing }) {
  const { t, fmt } = useI18n();
  return (
    <ul className="usa-list usa-list--unstyled">
      <li>
        <time dateTime={hearing.start}>
          {t('counsel.courtClock', { time: fmt.zonedClock(hearing.start, hearing.courtTime.zone) })}
        </time>
      </li>
      <li>
        <time dateTime={hearing.start}>
          {t('counsel.facilityClock', { time: fmt.zonedClock(hearing.start, hearing.facilityTime.zone) })}
        </time>
      </li>
    </ul>
  );
}
