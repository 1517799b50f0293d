import { useI18n } from '../language.tsx';
import type { CalculationReason, ReleaseResult } from './api.ts';

/** A release result in the reader's words: the date, or why there is none (life, no final sentence). */
export function useReleaseResultText(): (result: ReleaseResult) => string {
  const { t, fmt } = useI18n();
  return (result) => {
    if (result.kind === 'date') return fmt.date(result.date);
    if (result.kind === 'life')
      return t(result.beyondRepresentable ? 'releaseDate.lifeBeyond' : 'releaseDate.life');
    return t('releaseDate.noFinal');
  };
}

/** Why a calculation was made, in the reader's words. */
export function useCalculationReasonText(): (reason: CalculationReason) => string {
  const { t } = useI18n();
  return (reason) => t(`releaseDate.reason.${reason}`);
}
