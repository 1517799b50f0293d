import type { AgreementList } from '../api.ts';
import type { I18n } from '../language.tsx';
import type { AgingBucket, DocumentKind } from './api.ts';

/** The agreement billed by default: the shipped scenario's. */
export const DEFAULT_AGREEMENT = 'cecot-2025';

/** A document's name: "Invoice No. 12", "Credit note No. 13". */
export function documentName(t: I18n['t'], kind: DocumentKind, number: number): string {
  return t('invoice.nameFor', { kind: t(`invoice.kind.${kind}`), number });
}

/** A count with its noun, singular or plural: "1 person", "105 custody days", "2 documentos". */
export function count(
  i18n: Pick<I18n, 't' | 'fmt'>,
  noun: 'people' | 'days' | 'documents' | 'plainDays',
  n: number,
): string {
  return i18n.t(`invoices.n.${noun}.${n === 1 ? 'one' : 'other'}`, { n: i18n.fmt.number(n) });
}

/** A billing month `YYYY-MM` in words: "April 2025", "abril de 2025". */
export function monthName(locale: string, month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) return month;
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** True for a calendar month `YYYY-MM`, as the billing contract reads it. */
export function isMonth(value: string | null): value is string {
  return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

/** The name of an aging bucket. */
export function bucketName(t: I18n['t'], bucket: AgingBucket): string {
  return t(`aging.${bucket}`);
}

/** The signed-in user's name from a ledger actor such as `user:ana.lopez`. */
export function actorName(actor: string): string {
  return actor.startsWith('user:') ? actor.slice(5) : actor;
}

/** The agreements as the choices of a select, by code. */
export function agreementChoices(agreements: AgreementList['items']): { value: string; label: string }[] {
  return agreements.map((a) => ({ value: a.code, label: a.code }));
}
