import type { ManifestView } from '../api.ts';
import { ActionFeedback, type ActionRunner } from '../components/action-feedback.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { closeManifest } from './api.ts';
import { useManifestCan } from './manifest-access.ts';
import { personName } from './manifest-entry.tsx';
import { ManifestStep } from './manifest-step.tsx';

/**
 * Whether everyone who boarded is received or accounted for: the counts, who is unaccounted for, and the
 * closing, which the server refuses until the manifest is reconciled.
 */
export function Reconciliation({ manifest, runner }: { manifest: ManifestView; runner: ActionRunner }) {
  const { t, fmt } = useI18n();
  const canOn = useManifestCan(manifest.direction);
  const rec = manifest.reconciliation;
  const byTransfer = new Map(manifest.entries.map((e) => [e.transferId, e]));
  return (
    <>
      <div
        className={`custodia-reconciliation custodia-reconciliation--${rec.boarded === 0 ? 'empty' : rec.reconciled ? 'ok' : 'open'}`}
        data-reconciled={rec.reconciled}
      >
        <p className="custodia-reconciliation__verdict">
          {rec.boarded === 0 ? (
            t('manifest.reconciledNobody')
          ) : (
            <>
              <span className={`usa-tag ${rec.reconciled ? 'custodia-result--pass' : 'custodia-tag--alert'}`}>
                {rec.reconciled ? t('manifest.reconciled') : t('manifest.notReconciled')}
              </span>{' '}
              {rec.reconciled
                ? t('manifest.reconciledText')
                : t('manifest.notReconciledText', { n: rec.unaccounted.length })}
            </>
          )}
        </p>
        <dl className="custodia-counts">
          {(
            [
              ['manifest.countBoarded', rec.boarded],
              ['manifest.countReceived', rec.received],
              ['manifest.countExceptions', rec.exceptions],
              ['manifest.countUnaccounted', rec.unaccounted.length],
            ] as const
          ).map(([key, n]) => (
            <div key={key}>
              <dt>{t(key)}</dt>
              <dd>{fmt.number(n)}</dd>
            </div>
          ))}
        </dl>
        {rec.unaccounted.length > 0 && (
          <>
            <h3 className="margin-bottom-1">{t('manifest.unaccountedList')}</h3>
            <ul className="custodia-unaccounted">
              {rec.unaccounted.map((transferId) => {
                const entry = byTransfer.get(transferId);
                return (
                  <li key={transferId}>
                    {entry ? (
                      <Link href={`/transfers/${encodeURIComponent(transferId)}`} className="usa-link">
                        {personName(entry)}
                      </Link>
                    ) : (
                      transferId
                    )}
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
      <ActionFeedback state={runner.state} refusedTitle={t('manifest.closeRefused')} />
      {canOn('close') && manifest.status === 'arrived' && (
        <ManifestStep
          runner={runner}
          runKey="close"
          note={t('manifest.closeNote')}
          text={t('manifest.close')}
          onClick={() =>
            runner.run(
              'close',
              () => closeManifest(manifest.manifestId),
              ({ t }) => t('manifest.closed'),
            )
          }
        />
      )}
    </>
  );
}
