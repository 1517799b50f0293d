import { DataTable, FigureCells, FigureHeads } from '../billing/data-table.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { FACILITIES_PATH, type FacilityList } from './api.ts';
import './facilities-page.css';

/**
 * Every facility with its capacity figures side by side, never merged: the official capacity its
 * operator signed for, the bunks and working capacity of its active cells, and who it holds now.
 */
export function FacilitiesPage() {
  const { t, fmt } = useI18n();
  const [state, reload] = useApi<FacilityList>(FACILITIES_PATH);
  usePageTitle(t('facilities.title'));

  return (
    <>
      <h1>{t('facilities.title')}</h1>
      <p className="usa-intro">{t('facilities.intro')}</p>
      <LiveStatus text={state.status === 'loading' ? t('app.loading') : ''} />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {state.status === 'ok' && state.data.items.length === 0 && (
        <p className="custodia-empty">{t('facilities.none')}</p>
      )}
      {state.status === 'ok' && state.data.items.length > 0 && (
        <DataTable caption={t('facilities.caption')} compact className="custodia-facilities">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t('facilities.facility')}
              </th>
              <th scope="col" rowSpan={2}>
                {t('facilities.timeZone')}
              </th>
              <th scope="colgroup" colSpan={3} className="custodia-facilities__group">
                {t('facilities.capacity')}
              </th>
              <th scope="colgroup" colSpan={3} className="custodia-facilities__group">
                {t('capacity.occupancy')}
              </th>
            </tr>
            <tr>
              <FigureHeads
                labels={[
                  t('facilities.official'),
                  t('facilities.bunks'),
                  t('capacity.working'),
                  t('capacity.transferees'),
                  t('capacity.local'),
                  t('facilities.total'),
                ]}
              />
            </tr>
          </thead>
          <tbody>
            {state.data.items.map((facility) => {
              const { occupancy } = facility;
              return (
                <tr key={facility.id} data-facility-id={facility.id} data-facility-code={facility.code}>
                  <th scope="row">
                    <Link href={`/facilities/${encodeURIComponent(facility.code)}`} className="usa-link">
                      {facility.name}
                    </Link>{' '}
                    <span className="custodia-code">{facility.code}</span>
                    <span className="custodia-facilities__structure">
                      {facility.cells > 0
                        ? t('facilities.structure', {
                            modules: fmt.number(facility.modules),
                            cells: fmt.number(facility.cells),
                          })
                        : t('facilities.noCells')}
                    </span>
                  </th>
                  <td>{facility.timeZone}</td>
                  <FigureCells
                    texts={[
                      fmt.number(facility.capacity.operationalCapacity),
                      fmt.number(facility.capacity.bunks),
                      fmt.number(facility.capacity.workingCapacity),
                      fmt.number(occupancy.transferees),
                      fmt.number(occupancy.local),
                    ]}
                  />
                  <td className="text-right text-tabular">
                    <strong>{fmt.number(occupancy.total)}</strong>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {state.status === 'ok' && state.data.items.length > 0 && (
        <p className="custodia-note-text">{t('facilities.note')}</p>
      )}
    </>
  );
}
