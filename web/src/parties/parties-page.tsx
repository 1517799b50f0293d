import { useCan } from '../access.tsx';
import { DataTable } from '../billing/data-table.tsx';
import { SelectField } from '../components/fields.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { isPartyKind, PARTIES_PATH, PARTY_KINDS, type PartyList } from './api.ts';
import { PartyForm } from './party-form.tsx';

/**
 * The parties users act for (docs/domain.md, Parties, users and access), listed by kind, and for the admin
 * a form to register one. The server decides who may (`parties:read`, `parties:manage`).
 */
export function PartiesPage() {
  const { t, label } = useI18n();
  const can = useCan();
  const { search } = useLocation();
  const chosen = search.get('kind') ?? '';
  const kind = isPartyKind(chosen) ? chosen : '';
  const [state, reload, refresh] = useApi<PartyList>(withQuery(PARTIES_PATH, { kind }));
  usePageTitle(t('parties.title'));

  return (
    <>
      <h1>{t('parties.title')}</h1>
      <p className="usa-intro">{t('parties.intro')}</p>
      <SelectField
        id="parties-kind"
        label={t('parties.kindFilter')}
        value={kind}
        onChange={(value) => navigate(withQuery('/parties', { kind: value }), { replace: true })}
        placeholder={t('parties.allKinds')}
        choices={PARTY_KINDS.map((k) => ({ value: k, label: label('partyKind', k) }))}
      />
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.data.items.length === 0 && (
        <p className="custodia-empty">{t('parties.none')}</p>
      )}
      {state.status === 'ok' && state.data.items.length > 0 && (
        <DataTable caption={t('parties.caption')} compact>
          <thead>
            <tr>
              <th scope="col">{t('parties.code')}</th>
              <th scope="col">{t('parties.name')}</th>
              <th scope="col">{t('parties.kind')}</th>
            </tr>
          </thead>
          <tbody>
            {state.data.items.map((party) => (
              <tr key={party.id}>
                <th scope="row">{party.code}</th>
                <td>{party.name}</td>
                <td>{label('partyKind', party.kind)}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {can('parties:manage') && <PartyForm onRegistered={refresh} />}
    </>
  );
}
