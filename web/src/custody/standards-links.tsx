import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import './standards-links.css';

/** Links between a facility's regime log, incidents, isolation placements, legal visits, hearings and compliance report. */
export function StandardsLinks({
  id,
  current,
}: {
  id: string;
  current: 'regime' | 'incidents' | 'isolation' | 'legal-visits' | 'hearings' | 'compliance';
}) {
  const { t } = useI18n();
  const base = `/facilities/${encodeURIComponent(id)}`;
  const links: [typeof current, MessageKey][] = [
    ['regime', 'regime.title'],
    ['incidents', 'incidents.title'],
    ['isolation', 'isolation.title'],
    ['legal-visits', 'visits.title'],
    ['hearings', 'hearings.title'],
    ['compliance', 'compliance.title'],
  ];
  return (
    <nav aria-label={t('regime.common.related')} className="custodia-standards-links">
      <ul>
        {links.map(([page, key]) => (
          <li key={page}>
            {page === current ? (
              <span aria-current="page">{t(key)}</span>
            ) : (
              <Link href={`${base}/${page}`} className="usa-link">
                {t(key)}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
