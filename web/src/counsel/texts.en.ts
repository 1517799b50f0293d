/** The counsel home's words (English). */
export const counselEn = {
  'counsel.title': 'Your clients and notices',
  'counsel.intro':
    'The people your law office represents, with their custody status, and the notices of appearance you filed that sending legal has not yet confirmed.',
  'counsel.clients': 'My clients',
  'counsel.clientsCaption': 'Your clients and their custody status',
  'counsel.noClients':
    'Your office represents nobody yet. A client appears here once a representation is recorded or your notice of appearance is confirmed.',
  'counsel.statusLater': 'Their custody status shows here once your role may read your clients’ records.',
  'counsel.ref': 'Reference',
  'counsel.name': 'Name',
  'counsel.ledger': 'Ledger proofs',
  'counsel.ledgerLink': 'Entries and proofs of {ref}',
  'counsel.custody': 'Custody status',
  'counsel.pending': 'Pending notices of appearance',
  'counsel.pendingCaption': 'Notices of appearance awaiting confirmation',
  'counsel.noPending': 'No notice of appearance is awaiting confirmation.',
  'counsel.from': 'From',
  'counsel.file': 'File a notice of appearance',
  'counsel.fileIntro':
    'Your office represents the person from the date once sending legal confirms the notice.',
  'counsel.personRef': 'Person’s reference',
  'counsel.personRefHint': 'The sending agency reference, e.g. ICE-2025-000123',
  'counsel.agreement': 'Agreement',
  'counsel.agreementHint': 'The agreement’s code or id.',
  'counsel.fromDate': 'Represented from',
  'counsel.submit': 'File notice of appearance',
  'counsel.filed': 'Your notice of appearance for {ref} is filed; sending legal will confirm it.',
  'counsel.refRequired': 'Enter the person’s reference.',
  'counsel.agreementRequired': 'Enter the agreement.',
  'counsel.fromRequired': 'Enter the date your office represents the person from, as YYYY-MM-DD.',
} as const;
