/** The family view's words (English). */
export const familyEn = {
  'family.title': 'Where your family member is',
  'family.intro':
    'What the public locator answers for the person you are a verified contact of: their custody status, since when, and the facility with its address. The cell is never shown.',
  'family.notFound':
    'No person is tied to your account. Ask the administrator who created it to check your family contact.',
} as const;
