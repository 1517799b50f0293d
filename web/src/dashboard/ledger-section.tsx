import type { Dashboard } from '../api.ts';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';

/** The ledger's size, origin and verifier key, its last signed checkpoint, and how far it is witnessed. */
export function LedgerSection({ ledger }: { ledger: Dashboard['ledger'] }) {
  const { t, fmt } = useI18n();
  const checkpoint = ledger.checkpoint;
  return (
    <Section title={t('ledger.title')}>
      <dl className="custodia-summary">
        <dt>{t('ledger.size')}</dt>
        <dd className="text-tabular">{fmt.number(ledger.size)}</dd>
        <dt>{t('ledger.origin')}</dt>
        <dd className="custodia-mono">{ledger.origin}</dd>
        <dt>{t('ledger.verifierKey')}</dt>
        <dd className="custodia-mono custodia-break">{ledger.verifierKey}</dd>
      </dl>
      <h3>{t('ledger.checkpoint')}</h3>
      {checkpoint ? (
        <>
          <dl className="custodia-summary">
            <dt>{t('ledger.checkpointSize')}</dt>
            <dd className="text-tabular">{fmt.number(checkpoint.size)}</dd>
            <dt>{t('ledger.root')}</dt>
            <dd>
              <code className="custodia-mono" title={checkpoint.rootHex} aria-hidden="true">
                {shortHex(checkpoint.rootHex)}
              </code>
              <span className="usa-sr-only">{checkpoint.rootHex}</span>
            </dd>
            <dt>{t('ledger.signedAt')}</dt>
            <dd>
              <time dateTime={checkpoint.signedAt}>{fmt.instant(checkpoint.signedAt)}</time>
            </dd>
          </dl>
          {ledger.size > checkpoint.size && (
            <p className="text-base">{t('ledger.since', { n: fmt.number(ledger.size - checkpoint.size) })}</p>
          )}
          <details className="custodia-details">
            <summary>{t('ledger.note')}</summary>
            <pre className="custodia-note">{checkpoint.note}</pre>
          </details>
        </>
      ) : (
        <p>{t('ledger.noCheckpoint')}</p>
      )}
      <Witnessing witnessing={ledger.witnessing} />
    </Section>
  );
}

/** The newest checkpoint size enough witnesses cosigned, and the policy that says how many are enough. */
function Witnessing({ witnessing }: { witnessing: Dashboard['ledger']['witnessing'] }) {
  const { t, fmt } = useI18n();
  return (
    <>
      <h3>{t('ledger.witnessing')}</h3>
      {witnessing.witnesses === 0 ? (
        <p>{t('ledger.noWitnesses')}</p>
      ) : (
        <>
          <dl className="custodia-summary">
            <dt>{t('ledger.witnessedSize')}</dt>
            <dd className="text-tabular">
              {witnessing.witnessedSize === null
                ? t('ledger.notWitnessed')
                : fmt.number(witnessing.witnessedSize)}
            </dd>
          </dl>
          <p className="text-base">
            {t('ledger.witnessPolicy', {
              witnesses: fmt.number(witnessing.witnesses),
              quorum: fmt.number(witnessing.quorum),
            })}
          </p>
        </>
      )}
    </>
  );
}

/** The first and last 8 hex digits: enough to compare by eye; the full value is in the title. */
function shortHex(hex: string): string {
  return hex.length > 20 ? `${hex.slice(0, 8)}…${hex.slice(-8)}` : hex;
}
