import type { ManifestView, ManifestViewEntry } from '../api.ts';
import { ActionFeedback, type ActionRunner } from '../components/action-feedback.tsx';
import { TransferStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { board, depart, removeFromManifest } from './api.ts';
import { ExceptionControl } from './exception-form.tsx';
import { useManifestCan } from './manifest-access.ts';
import { ChecklistTable, EntryRow, personName } from './manifest-entry.tsx';
import { ManifestStep } from './manifest-step.tsx';
import { RunButton } from './run-button.tsx';

/**
 * The boarding checklist: each person on the manifest with their transfer's state and the holds in
 * force, boarded or removed one by one while the manifest is open, then the departure.
 */
export function BoardingChecklist({ manifest, runner }: { manifest: ManifestView; runner: ActionRunner }) {
  const { t } = useI18n();
  const canOn = useManifestCan(manifest.direction);
  const open = manifest.status === 'open';
  return (
    <>
      <p className="custodia-note-text margin-top-0">{t('manifest.boardingNote')}</p>
      <ActionFeedback state={runner.state} />
      {manifest.entries.length === 0 ? (
        <p className="custodia-empty">{t('manifest.noEntries')}</p>
      ) : (
        <ChecklistTable
          caption={t('manifest.boarding')}
          kind="boarding"
          columns={[t('manifest.transferStatus'), t('manifest.activeHolds')]}
        >
          {manifest.entries.map((entry) => (
            <BoardingRow
              key={entry.transferId}
              manifest={manifest}
              entry={entry}
              runner={runner}
              open={open}
            />
          ))}
        </ChecklistTable>
      )}
      {canOn('depart') && open && (
        <ManifestStep
          runner={runner}
          runKey="depart"
          note={t('manifest.departNote')}
          text={t('manifest.depart')}
          onClick={() =>
            runner.run(
              'depart',
              () => depart(manifest.manifestId),
              ({ t }) => t('manifest.departed'),
            )
          }
        />
      )}
    </>
  );
}

function BoardingRow({
  manifest,
  entry,
  runner,
  open,
}: {
  manifest: ManifestView;
  entry: ManifestViewEntry;
  runner: ActionRunner;
  /** True while the manifest is open: boarding and removal end at departure. */
  open: boolean;
}) {
  const { t, fmt } = useI18n();
  const canOn = useManifestCan(manifest.direction);
  const canBoard = open && canOn('board');
  const canRemove = open && canOn('remove');
  const canReturn = open && canOn('returned_before_departure');
  const name = personName(entry);
  const key = (what: string) => `${what}:${entry.transferId}`;
  /** Runs a call on this entry under `what`; success says `done` of the person. */
  const onEntry =
    (
      what: string,
      call: (manifestId: string, transferId: string) => Promise<unknown>,
      done: 'manifest.boardedNow' | 'manifest.removedNow',
    ) =>
    () =>
      runner.run(
        key(what),
        () => call(manifest.manifestId, entry.transferId),
        ({ t }) => t(done, { name }),
      );
  return (
    <EntryRow
      entry={entry}
      className={entry.activeHolds.length > 0 ? 'custodia-row--active' : undefined}
      status={
        entry.boardedAt && (
          <span className="custodia-statute">
            {t('manifest.boardedAt', { time: fmt.localInstant(entry.boardedAt) })}
          </span>
        )
      }
    >
      <td>{entry.transferStatus ? <TransferStatusTag status={entry.transferStatus} /> : '—'}</td>
      <td>
        <ActiveHolds entry={entry} />
      </td>
      <td>
        {(canBoard || canRemove) && entry.status === 'added' && (
          <div className="custodia-row-actions">
            {canBoard && (
              <RunButton
                runner={runner}
                runKey={key('board')}
                name={name}
                onClick={onEntry('board', board, 'manifest.boardedNow')}
              >
                {t('manifest.board')}
              </RunButton>
            )}
            {canRemove && (
              <RunButton
                runner={runner}
                className="usa-button usa-button--unstyled"
                name={name}
                onClick={onEntry('remove', removeFromManifest, 'manifest.removedNow')}
              >
                {t('manifest.remove')}
              </RunButton>
            )}
          </div>
        )}
        {canReturn && (entry.status === 'added' || entry.status === 'boarded') && (
          <ExceptionControl
            manifest={manifest}
            entry={entry}
            runner={runner}
            kinds={['returned_before_departure']}
          />
        )}
      </td>
    </EntryRow>
  );
}

/** The legal holds in force on the person, each with its type, court, case and issue date. */
function ActiveHolds({ entry }: { entry: ManifestViewEntry }) {
  const { t, label, fmt } = useI18n();
  if (entry.activeHolds.length === 0) return <>{t('manifest.noHolds')}</>;
  return (
    <>
      {entry.activeHolds.map((hold) => (
        <span key={hold.holdId} className="custodia-hold">
          <strong className="custodia-hold__type">{label('holdType', hold.type)}</strong>
          <span className="custodia-hold__court">
            {hold.court}, {hold.case}
          </span>
          <span className="custodia-statute">
            {t('manifest.holdIssued', { date: fmt.date(hold.issued) })}
          </span>
        </span>
      ))}
    </>
  );
}
