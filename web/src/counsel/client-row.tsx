import { useCan } from '../access.tsx';
import type { PersonPage } from '../api.ts';
import { useI18n } from '../language.tsx';
import { CustodyStatus } from '../people/people-table.tsx';
import { Link } from '../router.tsx';
import { ClientHearing } from './client-hearing.tsx';
import { ClientVisits } from './client-visits.tsx';

type Client = PersonPage['items'][number];

/** The columns of counsel's client table the role may fill: hearings and visits only where it reads them. */
export function useClientColumns() {
  const can = useCan();
  return { hearings: can('hearings:read'), visits: can('legal_visits:read') };
}

/**
 * One client of counsel's table: reference, name, custody status (never the cell), the next hearing and
 * the pending legal-visit requests (each one request, when the role reads them), and the ledger proofs.
 */
export function ClientRow({ person, today }: { person: Client; today: string }) {
  const { t } = useI18n();
  const columns = useClientColumns();
  return (
    <tr data-client={person.ref}>
      <th scope="row">{person.ref}</th>
      <td>{[person.names.given, person.names.paternal, person.names.maternal].filter(Boolean).join(' ')}</td>
      <td>
        <CustodyStatus custody={person.custody} />
      </td>
      {columns.hearings && (
        <td className="custodia-clients__plan">
          <ClientHearing personId={person.id} today={today} />
        </td>
      )}
      {columns.visits && (
        <td className="custodia-clients__plan">
          <ClientVisits personId={person.id} />
        </td>
      )}
      <td>
        <Link className="usa-link" href={`/people/${encodeURIComponent(person.id)}#ledger`}>
          {t('counsel.ledgerLink', { ref: person.ref })}
        </Link>
      </td>
    </tr>
  );
}
