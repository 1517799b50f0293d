import { useEffect } from 'react';
import { useCan } from '../access.tsx';
import { DataTable } from '../billing/data-table.tsx';
import { LiveStatus, LoadError } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';
import { useApi } from '../use-api.ts';
import { allProofsFile, dataUrl, entryProofFile, type PersonProofs, personLedgerPath } from './api.ts';
import './person-ledger.css';

const VERIFY_STEPS = [
  'proofs.verify1',
  'proofs.verify2',
  'proofs.verify3',
  'proofs.verify4',
  'proofs.verify5',
] as const;

/**
 * The person page's "Ledger entries and proofs" (decision 0031): every ledger entry about the person the
 * reader may see (counsel their clients, monitors records no court sealed), each with its index, event,
 * time, leaf hash and its inclusion proof to download, the checkpoint to download, whether it is
 * witnessed, and how to check it without this installation. Never the entry's text: it can hold what the
 * reader may not see (the cell). Shown only to roles that read proofs by person.
 */
export function PersonLedger({ personId }: { personId: string }) {
  const can = useCan();
  if (!can('ledger:person_proofs')) return null;
  return <PersonLedgerView personId={personId} />;
}

function PersonLedgerView({ personId }: { personId: string }) {
  const { t, fmt } = useI18n();
  const [state, reload] = useApi<PersonProofs>(personLedgerPath(personId));
  const proofs = state.status === 'ok' ? state.data : null;
  const loaded = proofs !== null;
  // Counsel's client list links here (`#ledger`); the section appears only once loaded, after the browser
  // looked for the anchor, so bring it into view then.
  useEffect(() => {
    if (loaded && window.location.hash === '#ledger') document.getElementById('ledger')?.scrollIntoView?.();
  }, [loaded]);
  return (
    <Section id="ledger" title={t('proofs.title')} intro={t('proofs.intro')}>
      <LiveStatus text={proofs ? t('proofs.status', { n: fmt.number(proofs.entries.length) }) : ''} />
      {state.status === 'error' && <LoadError error={state.error} onRetry={reload} />}
      {proofs && <ProofsBody proofs={proofs} personId={personId} />}
    </Section>
  );
}

function ProofsBody({ proofs, personId }: { proofs: PersonProofs; personId: string }) {
  const { t, fmt } = useI18n();
  const { checkpoint } = proofs;
  const newer = proofs.entries.filter((e) => e.proof === null).length;
  const size = fmt.number(checkpoint.size);
  const stem = `person-${personId.slice(0, 8)}-ledger`;
  return (
    <>
      {checkpoint.witnessed ? (
        <p>{t('proofs.witnessed', { size, quorum: fmt.number(checkpoint.quorum) })}</p>
      ) : (
        <div className="usa-alert usa-alert--warning usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{t('proofs.notWitnessed', { size })}</p>
          </div>
        </div>
      )}
      {newer > 0 && <p>{t('proofs.newer', { n: fmt.number(newer) })}</p>}
      {proofs.entries.length === 0 && <p className="custodia-empty">{t('proofs.none')}</p>}
      {proofs.entries.length > 0 && (
        <DataTable caption={t('proofs.caption')} compact>
          <thead>
            <tr>
              <th scope="col">{t('proofs.index')}</th>
              <th scope="col">{t('proofs.type')}</th>
              <th scope="col">{t('proofs.recordedAt')}</th>
              <th scope="col">{t('proofs.leafHash')}</th>
              <th scope="col">{t('proofs.proof')}</th>
            </tr>
          </thead>
          <tbody>
            {proofs.entries.map((entry) => (
              <tr key={entry.index} data-entry={entry.index}>
                <th scope="row">{entry.index}</th>
                <td>
                  <code>{entry.type}</code>
                </td>
                <td>{fmt.localInstant(entry.recordedAt)}</td>
                <td>
                  <code className="custodia-ledger-hash">{entry.leafHash}</code>
                </td>
                <td>
                  {entry.proof === null ? (
                    t('proofs.notYet')
                  ) : (
                    <a
                      className="usa-link"
                      download={`${stem}-entry-${entry.index}.json`}
                      href={dataUrl('application/json', entryProofFile(proofs, entry))}
                    >
                      {t('proofs.downloadEntry', { index: entry.index })}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <ul className="usa-list usa-list--unstyled custodia-ledger-downloads">
        <li>
          <a
            className="usa-link"
            download={`${stem}.json`}
            href={dataUrl('application/json', allProofsFile(proofs))}
          >
            {t('proofs.downloadAll')}
          </a>
        </li>
        <li>
          <a
            className="usa-link"
            download={`checkpoint-${checkpoint.size}.txt`}
            href={dataUrl('text/plain', checkpoint.note)}
          >
            {t('proofs.downloadNote')}
          </a>
        </li>
      </ul>
      <h3>{t('proofs.verifyTitle')}</h3>
      <ol className="usa-list">
        {VERIFY_STEPS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ol>
    </>
  );
}
