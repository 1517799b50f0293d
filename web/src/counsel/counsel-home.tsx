import { DataTable } from '../billing/data-table.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { Section } from '../components/section.tsx';
import { WhatYouMaySee } from '../dashboard/what-you-may-see.tsx';
import { useI18n } from '../language.tsx';
import {
  OWN_REPRESENTATIONS_PATH,
  type RepresentationList,
  type RepresentationView,
} from '../parties/api.ts';
import { useApi } from '../use-api.ts';
import { AppearanceForm } from './appearance-form.tsx';
import { ClientsSection } from './clients-section.tsx';

/** True while a confirmed representation runs on `today` (an open end runs for ever). */
function inForce(rep: RepresentationView, today: string): boolean {
  return rep.confirmedAt !== null && rep.from <= today && (rep.to === null || rep.to >= today);
}

/**
 * Counsel's home: their clients with custody status (never the cell), next hearing and pending legal-visit
 * requests, the notices of appearance they
 * filed that sending legal has not confirmed, a form to file one, and what the role may see.
 */
export function CounselHome({ today = new Date().toISOString().slice(0, 10) }: { today?: string }) {
  const { t, fmt } = useI18n();
  const [state, reload, refresh] = useApi<RepresentationList>(OWN_REPRESENTATIONS_PATH);
  usePageTitle(t('counsel.title'));
  const reps = state.status === 'ok' ? state.data.items : [];
  const clients = reps.filter((r) => inForce(r, today));
  const pending = reps.filter((r) => r.confirmedAt === null && r.source === 'appearance');

  return (
    <>
      <h1>{t('counsel.title')}</h1>
      <p className="usa-intro">{t('counsel.intro')}</p>
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && (
        <>
          <ClientsSection clients={clients} today={today} />
          <Section title={t('counsel.pending')}>
            {pending.length === 0 ? (
              <p className="custodia-empty">{t('counsel.noPending')}</p>
            ) : (
              <DataTable caption={t('counsel.pendingCaption')} compact>
                <thead>
                  <tr>
                    <th scope="col">{t('counsel.ref')}</th>
                    <th scope="col">{t('counsel.from')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pending.map((rep) => (
                    <tr key={rep.id}>
                      <th scope="row">{rep.personRef ?? rep.personId}</th>
                      <td>{fmt.date(rep.from)}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            )}
          </Section>
        </>
      )}
      <AppearanceForm onFiled={refresh} />
      <WhatYouMaySee
        readWords={{
          'people:read': t('counsel.may.people'),
          'transfers:read': t('counsel.may.transfers'),
          'hearings:read': t('counsel.may.hearings'),
          'legal_visits:read': t('counsel.may.visits'),
          'ledger:person_proofs': t('counsel.may.proofs'),
        }}
      />
    </>
  );
}
