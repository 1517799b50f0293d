import { isMessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';

/** A legal visit's kind, state and reason codes in the reader's language; an unknown value shows as itself. */
export function useVisitWords() {
  const { t } = useI18n();
  const word = (key: string, fallback: string) => (isMessageKey(key) ? t(key) : fallback);
  return {
    kind: (kind: string) => word(`visits.kind.${kind}`, kind),
    state: (status: string) => word(`visits.state.${status}`, status),
    /** A refusal's code or a not-held code, as the state says which list it is from. */
    reason: (status: string, code: string | null) =>
      code === null
        ? ''
        : word(status === 'refused' ? `visits.refusal.${code}` : `visits.notHeld.${code}`, code),
  };
}
