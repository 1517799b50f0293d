import type { Lang } from '../i18n.js';
import { agreementMessages } from './agreements.js';
import { authMessages } from './auth.js';
import { backupMessages } from './backup.js';
import { billingMessages } from './billing.js';
import { commonMessages } from './common.js';
import { custodyMessages } from './custody.js';
import { mergeMessages, type Params } from './define.js';
import { eligibilityMessages } from './eligibility.js';
import { facilityMessages } from './facilities.js';
import { hearingMessages } from './hearings.js';
import { isolationMessages } from './isolation.js';
import { ledgerMessages } from './ledger.js';
import { legalVisitMessages } from './legal-visits.js';
import { locatorMessages } from './locator.js';
import { manifestMessages } from './manifests.js';
import { partyMessages } from './parties.js';
import { pdfMessages } from './pdf.js';
import { peopleMessages } from './people.js';
import { releaseMessages } from './releases.js';
import { statisticsMessages } from './statistics.js';
import { systemMessages } from './system.js';
import { textMessages } from './text.js';
import { transferMessages } from './transfers.js';
import { witnessMessages } from './witness.js';

/**
 * The one message catalogue: every refusal and explanation in English and Spanish. Each feature declares
 * its messages in its own file here; a key declared twice stops the process at startup.
 */
export const catalogue = mergeMessages(
  commonMessages,
  authMessages,
  agreementMessages,
  peopleMessages,
  eligibilityMessages,
  transferMessages,
  manifestMessages,
  facilityMessages,
  custodyMessages,
  isolationMessages,
  releaseMessages,
  legalVisitMessages,
  hearingMessages,
  billingMessages,
  ledgerMessages,
  systemMessages,
  pdfMessages,
  backupMessages,
  partyMessages,
  textMessages,
  locatorMessages,
  witnessMessages,
  statisticsMessages,
);

export type Catalogue = typeof catalogue;
export type MessageKey = keyof Catalogue;
/** The parameters message `K` needs. */
export type MessageParams<K extends MessageKey> = Parameters<Catalogue[K]['en']>[0];

/** True when `key` names a message in the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue, key);
}

/** The text of message `key` in `lang`. */
export function translate<K extends MessageKey>(lang: Lang, key: K, params: MessageParams<K>): string {
  const message = catalogue[key] as unknown as Record<Lang, (p: Params) => string>;
  return message[lang](params as Params);
}

export type { Param, Params } from './define.js';
