import { useCan } from '../access.tsx';
import type { PersonPage } from '../api.ts';
import { DataTable } from '../billing/data-table.tsx';
import { LoadError } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import type { RepresentationView } from '../parties/api.ts';
import { withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { ClientRow, useClientColumns } from './client-row.tsx';
import './clients-section.css';

/**
 * Counsel's clients (the representations in force for their office), with their custody status under each
 * agreement: the server lists only the people a representation in force names the office for. Custody
 * status only: never the cell; with each client's next hearing and pending legal-visit requests. Where the
 * role may not read people's records, their references alone.
 */
export function ClientsSection({
  clients,
  today,
}: {
  clients: readonly RepresentationView[];
  today: string;
}) {
  const { t } = useI18n();
  const can = useCan();
  const agreements = [...new Set(clients.map((c) => c.agreementId))];
  const refs = [...new Set(clients.map((c) => c.personRef ?? c.personId))];
  return (
    <Section title={t('counsel.clients')}>
      {clients.length === 0 && <p className="custodia-empty">{t('counsel.noClients')}</p>}
      {clients.length > 0 && !can('people:read') && (
        <>
          <ul className="usa-list">
            {refs.map((ref) => (
              <li key={ref}>{ref}</li>
            ))}
          </ul>
          <p className="custodia-note-text">{t('counsel.statusLater')}</p>
        </>
      )}
      {can('people:read') &&
        agreements.map((agreement) => <ClientsOf key={agreement} agreement={agreement} today={today} />)}
    </Section>
  );
}

function ClientsOf({ agreement, today }: { agreement: string; today: string }) {
  const { t } = useI18n();
  const columns = useClientColumns();
  const [state, reload] = useApi<PersonPage>(withQuery('/api/v1/people', { agreement }));
  if (state.status === 'loading') return null;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  if (state.data.items.length === 0) return <p className="custodia-empty">{t('counsel.noClients')}</p>;
  return (
    <DataTable caption={t('counsel.clientsCaption')} compact className="custodia-clients">
      <thead>
        <tr>
          <th scope="col">{t('counsel.ref')}</th>
          <th scope="col">{t('counsel.name')}</th>
          <th scope="col">{t('counsel.custody')}</th>
          {columns.hearings && <th scope="col">{t('counsel.nextHearing')}</th>}
          {columns.visits && <th scope="col">{t('counsel.visits')}</th>}
          <th scope="col">{t('counsel.ledger')}</th>
        </tr>
      </thead>
      <tbody>
        {state.data.items.map((person) => (
          <ClientRow key={person.id} person={person} today={today} />
        ))}
      </tbody>
    </DataTable>
  );
}
