import type { ReactNode } from 'react';
import type { ManifestViewEntry } from '../api.ts';
import { useI18n } from '../language.tsx';
import { Link } from '../router.tsx';
import { WideTable } from './wide-table.tsx';

/** A person on a manifest as a sentence names them: name and reference, or the transfer when unknown. */
export function personName(entry: ManifestViewEntry): string {
  return entry.person ? `${entry.person.name} (${entry.person.ref})` : entry.transferId;
}

/** A checklist row's heading cell: the person, their reference and a link to the transfer. */
function PersonCell({ entry }: { entry: ManifestViewEntry }) {
  const { t } = useI18n();
  if (!entry.person) return <span className="custodia-mono">{entry.personId}</span>;
  return (
    <>
      <Link href={`/people/${encodeURIComponent(entry.person.id)}`} className="text-bold">
        {entry.person.name}
      </Link>
      <span className="custodia-statute custodia-mono">{entry.person.ref}</span>
      <Link href={`/transfers/${encodeURIComponent(entry.transferId)}`} className="usa-link font-body-3xs">
        {t('manifest.transferLink')}
      </Link>
    </>
  );
}

/** Where the person stands on the manifest: added, boarded, received, or the exception that accounts for them. */
function EntryStatus({ entry }: { entry: ManifestViewEntry }) {
  const { label } = useI18n();
  return (
    <span className={`custodia-entry custodia-entry--${entry.status}`} data-entry-status={entry.status}>
      {entry.exception
        ? `${label('entryStatus', entry.status)}: ${label('exceptionKind', entry.exception.kind)}`
        : label('entryStatus', entry.status)}
    </span>
  );
}

/**
 * A checklist of a manifest's people, one row each: the person and their status first, the actions last,
 * and the checklist's own columns between.
 */
export function ChecklistTable({
  caption,
  kind,
  columns,
  children,
}: {
  caption: string;
  /** Which checklist, for its column widths. */
  kind: 'boarding' | 'intake';
  columns: readonly string[];
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <WideTable
      caption={caption}
      className={`custodia-table custodia-checklist custodia-${kind}`}
      columns={[t('manifest.person'), t('manifest.entryStatus'), ...columns, t('manifest.actions')]}
    >
      {children}
    </WideTable>
  );
}

/** The start of a checklist row: the row keyed by transfer and reference, the person and their status. */
export function EntryRow({
  entry,
  className,
  status,
  children,
}: {
  entry: ManifestViewEntry;
  className?: string;
  /** What follows the status in its cell (when boarded or received, the exception's explanation). */
  status: ReactNode;
  children: ReactNode;
}) {
  return (
    <tr data-transfer-id={entry.transferId} data-ref={entry.person?.ref} className={className}>
      <th scope="row">
        <PersonCell entry={entry} />
      </th>
      <td>
        <EntryStatus entry={entry} />
        {status}
      </td>
      {children}
    </tr>
  );
}
