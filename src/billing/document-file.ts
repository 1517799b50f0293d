import type { AppContext } from '../context.js';
import type { Lang } from '../core/i18n.js';
import type { Db } from '../db/database.js';
import { type InvoiceDetail, invoicePdf } from './documents.js';

/**
 * The PDF of a billing document as the API and the CLI hand it out: the document, and what the page
 * names besides it (the agencies of each side of the agreement and the facilities on whose clock the
 * custody days were counted), read from the registry.
 */
export async function invoicePdfFile(ctx: AppContext, doc: InvoiceDetail, lang: Lang): Promise<Buffer> {
  const db = ctx.handle.db;
  const [agencies, facilities] = await Promise.all([
    agreementAgencies(db, doc.agreementId),
    facilitiesInZone(db, doc.agreementId, doc.zone),
  ]);
  return invoicePdf(doc, { lang, generatedAt: ctx.clock.now().toISOString(), agencies, facilities });
}

/** The names of the agencies recorded for each side of an agreement. */
async function agreementAgencies(db: Db, agreementId: string) {
  const rows = await db
    .selectFrom('agreement_agencies as aa')
    .innerJoin('agencies as a', 'a.code', 'aa.agency_code')
    .select(['a.name', 'aa.side'])
    .where('aa.agreement_id', '=', agreementId)
    .orderBy('a.name')
    .execute();
  return {
    sending: rows.filter((r) => r.side === 'sending').map((r) => r.name),
    receiving: rows.filter((r) => r.side === 'receiving').map((r) => r.name),
  };
}

/** The agreement's facilities that keep the document's time zone (the one its days were counted in). */
async function facilitiesInZone(db: Db, agreementId: string, zone: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agreement_facilities as af')
    .innerJoin('facilities as f', 'f.id', 'af.facility_id')
    .select('f.name')
    .where('af.agreement_id', '=', agreementId)
    .where('f.time_zone', '=', zone)
    .orderBy('f.code')
    .execute();
  return rows.map((r) => r.name);
}
