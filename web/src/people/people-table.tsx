import type { ReactNode } from 'react';
import type { PersonListItem } from '../api.ts';
import { ScrollRegion } from '../components/scroll-region.tsx';
import { TransferStatusTag } from '../components/status-tag.tsx';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { fullName } from './names.ts';
import { useReleaseReasonText } from './release-reasons.ts';
import './people-page.css';

/**
 * A page of people: who they are, where they stand in custody and where they are held, and their latest
 * transfer's state linking to it, so finding someone takes one look rather than two clicks each.
 */
export function PeopleTable({ items, caption }: { items: readonly PersonListItem[]; caption: ReactNode }) {
  const { t, label, fmt } = useI18n();
  return (
    <ScrollRegion label={t('people.title')}>
      <table className="usa-table usa-table--striped usa-table--compact custodia-people">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.ref')}</th>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.nationality')}</th>
            <th scope="col">{t('people.legalStatus')}</th>
            <th scope="col">{t('people.birthDate')}</th>
            <th scope="col">{t('people.custody')}</th>
            <th scope="col">{t('people.facility')}</th>
            <th scope="col">{t('people.latestTransfer')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((person) => (
            <tr key={person.id} data-custody={person.custody.status}>
              <td className="custodia-mono text-no-wrap">{person.ref}</td>
              <th scope="row">
                <Link href={`/people/${encodeURIComponent(person.id)}`}>{fullName(person.names)}</Link>
              </th>
              <td>{person.nationalities.map(fmt.country).join(', ')}</td>
              <td>{label('legalStatus', person.legalStatus)}</td>
              <td className="text-no-wrap">
                <time dateTime={person.birthDate}>{fmt.date(person.birthDate)}</time>
              </td>
              <td>
                <CustodyStatus custody={person.custody} />
              </td>
              <td>
                <HeldIn custody={person.custody} />
              </td>
              <td className="text-no-wrap">
                {person.latestTransfer ? (
                  <Link
                    href={`/transfers/${encodeURIComponent(person.latestTransfer.id)}`}
                    className="custodia-people__transfer"
                  >
                    <span className="usa-sr-only">
                      {t('people.transferOf', { name: fullName(person.names) })}
                    </span>{' '}
                    <TransferStatusTag status={person.latestTransfer.status} />
                  </Link>
                ) : (
                  <span className="custodia-people__none">{t('people.noTransfer')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

type Custody = PersonListItem['custody'];

/** In custody since when, released when and why, or never in custody (never the cell). */
export function CustodyStatus({ custody }: { custody: Custody }) {
  const { t, fmt } = useI18n();
  const reasonText = useReleaseReasonText();
  if (custody.status === 'in_custody') {
    return (
      <>
        <span className="usa-tag custodia-people__held">{t('people.inCustody')}</span>
        <span className="custodia-people__detail">
          {t('people.since', { date: fmt.localInstant(custody.since) })}
        </span>
      </>
    );
  }
  if (custody.status === 'released') {
    return (
      <>
        {t('people.released', { date: fmt.localInstant(custody.releasedAt) })}
        {custody.releaseReason && (
          <span className="custodia-people__detail">{reasonText(custody.releaseReason)}</span>
        )}
      </>
    );
  }
  return <span className="custodia-people__none">{t('people.notInCustody')}</span>;
}

/** The facility (code and name) and cell where the person is held now; a dash when they are not held. */
function HeldIn({ custody }: { custody: Custody }) {
  const { t } = useI18n();
  if (custody.status !== 'in_custody') {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="usa-sr-only">{t('people.notHeld')}</span>
      </>
    );
  }
  return (
    <>
      <span className="custodia-mono">{custody.facility.code}</span> {custody.facility.name}
      <span className="custodia-people__detail">
        {custody.cell ? t('people.cell', { cell: custody.cell }) : t('people.awaitingCell')}
      </span>
    </>
  );
}
