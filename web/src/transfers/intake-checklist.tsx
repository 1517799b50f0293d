import { useState } from 'react';
import type { ManifestExceptionKind, ManifestView, ManifestViewEntry } from '../api.ts';
import { ActionFeedback, type ActionRunner } from '../components/action-feedback.tsx';
import { useI18n } from '../language.tsx';
import { arrive, handOver, receive } from './api.ts';
import { ExceptionControl } from './exception-form.tsx';
import { blankHandoverFields, type HandoverDraft, HandoverFields } from './handover-fields.tsx';
import { IdentityCheck, type IdentityDraft } from './identity-check.tsx';
import { type ManifestDecision, useManifestCan } from './manifest-access.ts';
import { ChecklistTable, EntryRow, personName } from './manifest-entry.tsx';
import { ManifestStep } from './manifest-step.tsx';
import { RunButton } from './run-button.tsx';

/**
 * The intake checklist: the arrival, then each person who boarded, received with an identity check or
 * accounted for by an explained exception. On a return or repatriation manifest the same list ends each
 * person's movement with a handover to a named agency or authority instead of intake.
 */
export function IntakeChecklist({ manifest, runner }: { manifest: ManifestView; runner: ActionRunner }) {
  const { t } = useI18n();
  const canOn = useManifestCan(manifest.direction);
  const boarded = manifest.entries.filter((e) => e.boardedAt !== null);
  const leaving = manifest.direction !== 'outbound';
  return (
    <>
      <p className="custodia-note-text margin-top-0">
        {leaving ? t('manifest.handoverNote') : t('manifest.intakeNote')}
      </p>
      <ActionFeedback state={runner.state} />
      {canOn('arrive') && manifest.status === 'departed' && (
        <ManifestStep
          runner={runner}
          runKey="arrive"
          text={t('manifest.arrive')}
          onClick={() =>
            runner.run(
              'arrive',
              () => arrive(manifest.manifestId),
              ({ t }) => t('manifest.arrived'),
            )
          }
        />
      )}
      {boarded.length === 0 ? (
        <p className="custodia-empty">{t('manifest.nobodyBoarded')}</p>
      ) : (
        <ChecklistTable
          caption={leaving ? t('manifest.handoverSection') : t('manifest.intake')}
          kind="intake"
          columns={[leaving ? t('manifest.handover') : t('manifest.identityCheck')]}
        >
          {boarded.map((entry) => (
            <IntakeRow key={entry.transferId} manifest={manifest} entry={entry} runner={runner} />
          ))}
        </ChecklistTable>
      )}
    </>
  );
}

/** The exceptions each manifest state allows for a boarded person after departure, that the reader may declare. */
function intakeExceptions(
  manifest: ManifestView,
  can: (decision: ManifestDecision) => boolean,
): ManifestExceptionKind[] {
  const kinds: ManifestExceptionKind[] =
    manifest.status === 'departed'
      ? ['medical_diversion']
      : manifest.status === 'arrived'
        ? ['medical_diversion', 'missing_after_transport']
        : [];
  return kinds.filter((kind) => can(kind));
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
  const canOn = useManifestCan(manifest.direction);
  const [identity, setIdentity] = useState<IdentityDraft>({ method: 'biometric', matched: false });
  const [handover, setHandover] = useState<HandoverDraft>({ agency: '', officer: '' });
  const [missing, setMissing] = useState<(keyof HandoverDraft)[]>([]);
  const name = personName(entry);
  const leaving = manifest.direction !== 'outbound';
  const canReceive = canOn('end') && manifest.status === 'arrived' && entry.status === 'boarded';
  const exceptions = entry.status === 'boarded' ? intakeExceptions(manifest, canOn) : [];
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
        {leaving ? (
          entry.handover && entry.receivedAt ? (
            t('manifest.handoverDone', {
              officer: entry.handover.officer,
              agency: entry.handover.agency,
              time: fmt.localInstant(entry.receivedAt),
            })
          ) : canReceive ? (
            <HandoverFields name={name} value={handover} onChange={setHandover} missing={missing} />
          ) : (
            '—'
          )
        ) : entry.identity ? (
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
            onClick={() => {
              if (!leaving) {
                return runner.run(
                  key,
                  () => receive(manifest.manifestId, entry.transferId, identity),
                  ({ t }) => t('manifest.receivedNow', { name }),
                );
              }
              const blank = blankHandoverFields(handover);
              setMissing(blank);
              if (blank.length > 0) return;
              const taken = { agency: handover.agency.trim(), officer: handover.officer.trim() };
              return runner.run(
                key,
                () => handOver(manifest.manifestId, entry.transferId, taken),
                ({ t }) => t('manifest.handedOverNow', { name, agency: taken.agency }),
              );
            }}
          >
            {leaving ? t('manifest.handOver') : t('manifest.receive')}
          </RunButton>
        )}
        {exceptions.length > 0 && (
          <ExceptionControl manifest={manifest} entry={entry} runner={runner} kinds={exceptions} />
        )}
      </td>
    </EntryRow>
  );
}
