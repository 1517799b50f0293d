import { useEffect, useId, useState } from 'react';
import { useCan } from '../access.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { useI18n } from '../language.tsx';
import { navigate, useLocation, withQuery } from '../router.tsx';
import { useApi } from '../use-api.ts';
import { wallClockIn } from '../zoned-time.ts';
import { type FacilityDetail, type RegimeLog, regimePath } from './api.ts';
import { CellCodeField } from './cell-code-field.tsx';
import { FacilityFrame } from './facility-frame.tsx';
import { lastDays, type Period } from './period.ts';
import { PeriodForm } from './period-form.tsx';
import { RecordDay } from './regime-day-form.tsx';
import { RegimeTable } from './regime-table.tsx';
import { BulkUpload } from './regime-upload.tsx';
import { StandardsLinks } from './standards-links.tsx';
import { usePeriodFilter } from './use-period.ts';
import './regime-page.css';

/**
 * A facility's regime log (docs/domain.md, Custody → Regime log): how each cell was held each day, for a
 * period kept in the URL (by default the latest month with entries), with a value that was not measured
 * shown as "not recorded" (never as 0). Receiving custody records a day for one cell or several, or uploads
 * a CSV file in the format of `custodia regime import`; the server validates every entry and the page
 * shows each refusal next to its field or line.
 */
export function RegimePage({ id }: { id: string }) {
  return (
    <FacilityFrame id={id} title="regime.title" titleFor="regime.titleFor">
      {(facility) => <RegimeView id={id} facility={facility} />}
    </FacilityFrame>
  );
}

function RegimeView({ id, facility }: { id: string; facility: FacilityDetail }) {
  const { t, fmt } = useI18n();
  const formId = useId();
  const { search } = useLocation();
  const today = wallClockIn(facility.timeZone).slice(0, 10);
  // With no entries at all, the last 7 days (today included) in the facility's zone.
  const filter = usePeriodFilter(id, 'regime', lastDays(today, 7));
  const { period } = filter;
  const cellFilter = (search.get('cell') ?? '').trim().toUpperCase();
  const [log, reload, refresh] = useApi<RegimeLog>(period ? regimePath(id, period.from, period.to) : null);
  const here = `/facilities/${encodeURIComponent(id)}/regime`;
  const canRecord = useCan()('regime_log:record');

  const [cell, setCell] = useState(cellFilter);
  // The typed cells follow the URL when it changes (back, forward, a link).
  useEffect(() => setCell(cellFilter), [cellFilter]);

  const show = (shown: Period) => navigate(withQuery(here, { ...shown, cell: cell.trim().toUpperCase() }));

  /**
   * After recording a day, the period shown is kept in the address (so the records arriving do not move
   * it), growing to include the day if it was outside; the log and where the records are are read again.
   */
  const recorded = (date: string) => {
    filter.refreshRecords();
    if (period) {
      const from = date < period.from ? date : period.from;
      const to = date > period.to ? date : period.to;
      const same = from === period.from && to === period.to;
      navigate(withQuery(here, { from, to, cell: cellFilter }), { replace: same });
    }
    refresh();
  };

  const entries = log.status === 'ok' ? log.data.entries : [];
  const shown = entries
    .filter((e) => !cellFilter || e.cell.toUpperCase().startsWith(cellFilter))
    .sort((a, b) => b.date.localeCompare(a.date) || a.cell.localeCompare(b.cell));

  return (
    <>
      <h1>{t('regime.titleFor', { facility: facility.name })}</h1>
      <p className="usa-intro custodia-intro">{t('regime.intro')}</p>
      <StandardsLinks id={id} current="regime" />

      <PeriodForm
        filter={filter}
        title={t('regime.periodTitle')}
        titleHidden
        submitLabel={t('regime.show')}
        onShow={show}
        fields={
          <CellCodeField
            id={`${formId}-cell`}
            label={t('regime.cellFilter')}
            hint={t('regime.cellFilterHint')}
            value={cell}
            onChange={setCell}
            className="custodia-regime-cells"
          />
        }
      />
      <p className="custodia-note-text">{t('regime.common.zoneNote', { zone: facility.timeZone })}</p>

      <LiveStatus
        text={
          log.status === 'loading'
            ? t('app.loading')
            : log.status === 'ok'
              ? t(shown.length === 1 ? 'regime.statusOne' : 'regime.status', { n: fmt.number(shown.length) })
              : ''
        }
      />
      {log.status === 'error' && <LoadError error={log.error} onRetry={reload} />}
      {log.status === 'ok' && shown.length === 0 && <p className="custodia-empty">{t('regime.none')}</p>}
      {period && shown.length > 0 && (
        <RegimeTable
          key={`${period.from}|${period.to}|${cellFilter}`}
          entries={shown}
          caption={t('regime.caption', {
            facility: facility.code,
            from: fmt.date(period.from),
            to: fmt.date(period.to),
          })}
        />
      )}

      {canRecord && <RecordDay id={id} facility={facility} today={today} onRecorded={recorded} />}
      {canRecord && <BulkUpload id={id} onDone={refresh} />}
    </>
  );
}
