import { useI18n } from '../language.tsx';
import type { IncidentStatus } from './api.ts';
import './incident-status-tag.css';

/** An incident's status as a tag: the name in words, the colour only repeating it. */
export function IncidentStatusTag({ status }: { status: IncidentStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={`usa-tag custodia-incident-state custodia-incident-state--${status}`}
      data-status={status}
    >
      {t(`incident.status.${status}`)}
    </span>
  );
}
