import { useState } from 'react';
import { type Action, useCan } from '../access.tsx';
import type { ManifestExceptionKind, ManifestView, ManifestViewEntry } from '../api.ts';
import { ActionFeedback, type ActionRunner } from '../components/action-feedback.tsx';
import { useI18n } from '../language.tsx';
import { arrive, receive } from './api.ts';
import { ExceptionControl } from './exception-form.tsx';
import { IdentityCheck, type IdentityDraft } from './identity-check.tsx';
import { ChecklistTable, EntryRow, personName } from './manifest-entry.tsx';
import { ManifestStep } from './manifest-step.tsx';
import { RunButton } from './run-button.tsx';

/**
 * The intake checklist: the arrival, then each person who boarded, received with an identity check or
 * accounted for by an explained exception.
 */
export function IntakeChecklist({ manifest, runner }: { manifest: ManifestView; runner: ActionRunner }) {
  const { t } = useI18n();
  const can = useCan();
  const boarded = manifest.entries.filter((e) => e.boardedAt !== null);
  return (
    <>
      <p className="custodia-note-text margin-top-0">{t('manifest.intakeNote')}</p>
      <ActionFeedback state={runner.state} />
      {can('manifest:arrive') && manifest.status === 'departed' && (
        <ManifestStep
          runner={runner}
          runKey="arrive"
          text={t('manifest.arrive')}
          onClick={() => runner.run('arrive', () => arrive(manifest.manifestId), t('manifest.arrived'))}
        />
      )}
      {boarded.length === 0 ? (
        <p className="custodia-empty">{t('manifest.nobodyBoarded')}</p>
      ) : (
        <ChecklistTable caption={t('manifest.intake')} kind="intake" columns={[t('manifest.identityCheck')]}>
          {boarded.map((entry) => (
            <IntakeRow key={entry.transferId} manifest={manifest} entry={entry} runner={runner} />
          ))}
        </ChecklistTable>
      )}
    </>
  );
}

/** The exceptions each manifest state allows for a boarded person after departure, that the reader may declare. */
function intakeExceptions(manifest: ManifestView, can: (action: Action) => boolean): ManifestExceptionKind[] {
  const kinds: ManifestExceptionKind[] =
    manifest.status === 'departed'
      ? ['medical_diversion']
      : manifest.status === 'arrived'
        ? ['medical_diversion', 'missing_after_transport']
        : [];
  return kinds.filter((kind) => can(`manifest:${kind}`));
}

function IntakeRow({
  manifest,
  entry,
  runner,
}: {
  manifest: ManifestView;
  entry: ManifestViewEntry;
  runner: ActionRunner;
}) {
  const { t, label, fmt } = useI18n();
  const can = useCan();
  const [identity, setIdentity] = useState<IdentityDraft>({ method: 'biometric', matched: false });
  const name = personName(entry);
  const canReceive = can('manifest:receive') && manifest.status === 'arrived' && entry.status === 'boarded';
  const exceptions = entry.status === 'boarded' ? intakeExceptions(manifest, can) : [];
  const key = `receive:${entry.transferId}`;
  return (
    <EntryRow
      entry={entry}
      status={
        <>
          {entry.receivedAt && (
            <span className="custodia-statute">
              {t('manifest.receivedAt', { time: fmt.localInstant(entry.receivedAt) })}
            </span>
          )}
          {entry.exception && (
            <span className="custodia-statute" lang="en">
              {entry.exception.explanation}
            </span>
          )}
        </>
      }
    >
      <td>
        {entry.identity ? (
          t('manifest.identityDone', {
            method: label('identityMethod', entry.identity.method),
            result: entry.identity.matched ? t('manifest.matched') : t('manifest.notMatched'),
            by: entry.identity.checkedBy,
          })
        ) : canReceive ? (
          <IdentityCheck name={name} value={identity} onChange={setIdentity} />
        ) : (
          '—'
        )}
      </td>
      <td>
        {canReceive && (
          <RunButton
            runner={runner}
            runKey={key}
            name={name}
            onClick={() =>
              runner.run(
                key,
                () => receive(manifest.manifestId, entry.transferId, identity),
                t('manifest.receivedNow', { name }),
              )
            }
          >
            {t('manifest.receive')}
          </RunButton>
        )}
        {exceptions.length > 0 && (
          <ExceptionControl manifest={manifest} entry={entry} runner={runner} kinds={exceptions} />
        )}
      </td>
    </EntryRow>
  );
}
