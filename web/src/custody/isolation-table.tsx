import { useState } from 'react';
import { ActionFeedback, useAction } from '../components/action-feedback.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import type { FacilityDetail } from './api.ts';
import { CaptionedTable } from './captioned-table.tsx';
import type { IsolationPlacement } from './isolation-api.ts';
import { IsolationEndForm } from './isolation-end-form.tsx';
import './isolation-page.css';

const DAY_MS = 86_400_000;

/** Whole days since the placement started, as of now (the 16th day is over the Rule 44 limit). */
function daysSince(startedAt: string): number {
  return Math.max(0, Math.floor((Date.now() - Date.parse(startedAt)) / DAY_MS));
}

/**
 * The open placements: person, cell, since when (on the facility's clock), days so far, the cell's
 * lighting, who authorised it and why. Receiving custody ends one from its row.
 */
export function IsolationTable({
  facility,
  placements,
  canEnd,
  onEnded,
}: {
  facility: FacilityDetail;
  placements: readonly IsolationPlacement[];
  canEnd: boolean;
  onEnded: () => void;
}) {
  const { t, fmt } = useI18n();
  const [ending, setEnding] = useState<IsolationPlacement | null>(null);
  const action = useAction(() => {
    setEnding(null);
    onEnded();
  });
  const caption = t('isolation.currentCaption', { facility: facility.code });
  return (
    <>
      <CaptionedTable label={caption} caption={caption} className="custodia-table custodia-isolation">
        <thead>
          <tr>
            <th scope="col">{t('isolation.person')}</th>
            <th scope="col">{t('isolation.cell')}</th>
            <th scope="col">{t('isolation.since')}</th>
            <th scope="col">{t('isolation.days')}</th>
            <th scope="col">{t('isolation.lighting')}</th>
            <th scope="col">{t('isolation.authorisedBy')}</th>
            <th scope="col">{t('isolation.reason')}</th>
            {canEnd && <th scope="col">{t('isolation.end')}</th>}
          </tr>
        </thead>
        <tbody>
          {placements.map((p) => {
            const days = daysSince(p.startedAt);
            return (
              <tr key={p.id} data-placement-id={p.id} data-lighting={p.lighting}>
                <th scope="row">
                  <Link href={`/people/${encodeURIComponent(p.personId)}`} className="usa-link">
                    {p.name}
                  </Link>{' '}
                  <span className="custodia-isolation__ref">{p.personRef}</span>
                </th>
                <td>{p.cell}</td>
                <td>
                  <time dateTime={p.startedAt}>{fmt.zonedClock(p.startedAt, facility.timeZone)}</time>
                </td>
                <td>
                  {fmt.number(days)}
                  {days > 15 && (
                    <span className="usa-tag custodia-isolation__alarm">{t('isolation.overLimit')}</span>
                  )}
                </td>
                <td>
                  {p.lighting === 'normal' ? (
                    t('isolation.lighting.normal')
                  ) : (
                    <span className="usa-tag custodia-isolation__alarm">
                      {t(`isolation.lighting.${p.lighting}`)}
                    </span>
                  )}
                </td>
                <td>{p.authorisedBy}</td>
                <td className="custodia-isolation__reason">{p.reason}</td>
                {canEnd && (
                  <td>
                    <button
                      type="button"
                      className="usa-button usa-button--outline usa-button--small"
                      aria-expanded={ending?.id === p.id}
                      onClick={() => {
                        action.clear();
                        setEnding(ending?.id === p.id ? null : p);
                      }}
                    >
                      {t('isolation.endButton')}
                      <span className="usa-sr-only"> — {p.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </CaptionedTable>
      {ending && <IsolationEndForm key={ending.id} placement={ending} facility={facility} action={action} />}
      <ActionFeedback state={action.state} refusedTitle={t('isolation.endRefused')} />
    </>
  );
}
