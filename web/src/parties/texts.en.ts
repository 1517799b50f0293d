/** The parties page's words (English). */
export const partiesEn = {
  'nav.parties': 'Parties',
  'parties.title': 'Parties',
  'parties.intro':
    'Every user acts for a party: an agency, a court, a law office, a monitoring body, a verified family contact or the installation. What a role may see is limited to its party’s people and cases.',
  'parties.caption': 'Parties of the kind chosen',
  'parties.kindFilter': 'Kind',
  'parties.allKinds': 'All kinds',
  'parties.chooseKind': 'Choose a kind',
  'parties.code': 'Code',
  'parties.name': 'Name',
  'parties.kind': 'Kind',
  'parties.none': 'No party of this kind is registered.',
  'parties.register': 'Register a party',
  'parties.codeHint': 'Short and unique; a court’s code is the one its holds carry, e.g. D.D.C.',
  'parties.nameHint': 'The full name; the code is used when left empty.',
  'parties.personRef': 'Person’s reference',
  'parties.personRefHint':
    'The sending agency reference of the one person this family contact is verified for.',
  'parties.agreement': 'Agreement',
  'parties.agreementHint': 'The agreement’s code or id.',
  'parties.submit': 'Register party',
  'parties.registered': '{code} is registered.',
  'parties.kindRequired': 'Choose the kind of party.',
  'parties.codeRequired': 'Enter a code.',
  'parties.codeInvalid':
    "A code is 1–80 letters, digits, spaces or . , & ' ( ) / -, starting with a letter or digit.",
  'parties.personRequired':
    'A family contact is verified for one person: enter their reference and agreement.',
  'partyKind.installation': 'Installation',
  'partyKind.sending_agency': 'Sending agency',
  'partyKind.receiving_agency': 'Receiving agency',
  'partyKind.court': 'Court',
  'partyKind.law_office': 'Law office',
  'partyKind.monitoring_body': 'Monitoring body',
  'partyKind.family_contact': 'Family contact',
} as const;
