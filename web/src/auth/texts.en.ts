/** The sign-in page's words (English). */
export const authEn = {
  'login.title': 'Sign in',
  'login.intro': 'Sign in with the user name and password your administrator gave you.',
  'login.name': 'User name',
  'login.password': 'Password',
  'login.showPassword': 'Show password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.failed': 'Sign-in failed',
  'login.missing': 'Enter your user name and password.',
  'login.signedOut': 'You have signed out.',
  'login.expired': 'Your session has ended. Sign in again to continue.',
} as const satisfies Record<string, string>;
