/** The family view's words (English). */
export const familyEn = {
  'family.title': 'Where your family member is',
  'family.intro':
    'What the public locator answers for the person you are a verified contact of: their custody status, since when, and the facility with its address. The cell is never shown.',
  'family.notFound':
    'No person is tied to your account. Ask the administrator who created it to check your family contact.',
  'family.hearing': 'Next hearing',
  'family.hearingIntro':
    'The next hearing booked for them, held by video link from the facility. Their counsel can tell you more about the case.',
  'family.noHearing': 'No hearing booked.',
  'family.may.hearing': 'see their next hearing',
  'family.facilityTime': 'Date and time, facility’s clock',
  'family.courtTime': 'Date and time, court’s clock',
} as const;
