import { RELEASE_REASONS, type ReleaseReason } from '../facilities/api.ts';
import { useI18n } from '../language.tsx';

/** The words for each release reason (the compiler checks every reason has them). */
export const RELEASE_REASON_KEYS = {
  sentence_served: 'release.reason.sentence_served',
  court_ordered_return: 'release.reason.court_ordered_return',
  repatriation: 'release.reason.repatriation',
  transfer_other_facility: 'release.reason.transfer_other_facility',
  pardon: 'release.reason.pardon',
  death: 'release.reason.death',
  released_in_error: 'release.reason.released_in_error',
  escape: 'release.reason.escape',
} as const satisfies Record<ReleaseReason, string>;

/** True for a release reason the agreement knows. */
export function isReleaseReason(value: string): value is ReleaseReason {
  return (RELEASE_REASONS as readonly string[]).includes(value);
}

/** A release reason in the reader's language; a reason the UI does not know shows as given. */
export function useReleaseReasonText(): (reason: string) => string {
  const { t } = useI18n();
  return (reason) => (isReleaseReason(reason) ? t(RELEASE_REASON_KEYS[reason]) : reason);
}
