import { POLICY_ACTION_WORDS } from '../../../src/core/messages/auth.ts';
import { type Action, useAccess } from '../access.tsx';
import { COVERED_BY_STEPS, READS } from '../components/load-status.tsx';
import { Section } from '../components/section.tsx';
import { useI18n } from '../language.tsx';

/**
 * "What you may see" on each role's home: in words, what the signed-in role may read and do, from the
 * session's permissions (the access policy's `actionsOf`), so nobody has to meet a refusal to learn it.
 * `readWords` says a read as a scoped role's home knows it (counsel read their clients' transfers, not
 * every transfer and manifest); the list still follows the permissions.
 */
export function WhatYouMaySee({ readWords = {} }: { readWords?: Partial<Record<Action, string>> }) {
  const { t, label, lang } = useI18n();
  const { role, actions } = useAccess();
  if (!role) return null;
  const words = (action: Action) => readWords[action] ?? POLICY_ACTION_WORDS[action][lang];
  // Reads are the `:read` actions and the reads named otherwise (proofs, entry bundles).
  const isRead = (a: Action) => a.endsWith(':read') || READS.includes(a);
  const reads = actions.filter(isRead).map(words);
  const acts = actions.filter((a) => !isRead(a) && !COVERED_BY_STEPS.includes(a)).map(words);
  return (
    <Section title={t('home.maySee')} intro={t('home.maySeeIntro', { role: label('role', role) })}>
      <h3>{t('home.youMaySee')}</h3>
      {reads.length > 0 ? (
        <ul className="usa-list">
          {reads.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : (
        <p>{t('home.nothingToSee')}</p>
      )}
      <h3>{t('home.youMayDo')}</h3>
      {acts.length > 0 ? (
        <ul className="usa-list">
          {acts.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : (
        <p>{t('home.readsOnly')}</p>
      )}
    </Section>
  );
}
