/** "Given Paternal Maternal", as a person's names are written in Latin American usage. */
export function fullName(names: { given: string; paternal: string; maternal?: string | null }): string {
  return [names.given, names.paternal, names.maternal].filter(Boolean).join(' ');
}
