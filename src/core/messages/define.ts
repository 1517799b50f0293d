import type { Lang } from '../i18n.js';

/** A value a message may carry: what a client receives as `params` to translate it itself. */
export type Param = string | number | boolean | null | readonly string[] | readonly number[];

/** A message's parameters: named, JSON-safe values. */
export type Params = Readonly<Record<string, Param>>;

/** One message in every language, each a function of the same parameters. */
export type Message<P extends Params> = Readonly<Record<Lang, (p: P) => string>>;

/**
 * One message: the English text and the Spanish text, functions of the same parameters (annotate the
 * English one's; the Spanish one is typed from it).
 *
 * @example
 * msg((p: { id: string }) => `Legal hold ${p.id} does not exist.`, (p) => `La orden judicial ${p.id} no existe.`)
 */
export function msg<P extends Params = Record<never, never>>(
  en: (p: P) => string,
  es: (p: NoInfer<P>) => string,
): Message<P> {
  return { en, es };
}

/**
 * Declares a feature's messages. Keys are `feature.what`, stable: clients receive them as `messageKey`.
 *
 * @example
 * export const holdMessages = defineMessages({
 *   'hold.not_found': msg((p: { id: string }) => `Legal hold ${p.id} does not exist.`, (p) => `La orden ${p.id} no existe.`),
 * });
 */
// biome-ignore lint/suspicious/noExplicitAny: each message keeps its own parameter type; any is the widest.
export function defineMessages<const T extends Record<string, Message<any>>>(messages: T): T {
  return messages;
}

/**
 * Merges feature catalogues into one, refusing a key declared twice: a later part must never silently
 * replace an earlier text.
 */
export function mergeMessages<T extends readonly Record<string, unknown>[]>(
  ...parts: T
): UnionToIntersection<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const part of parts) {
    for (const [key, message] of Object.entries(part)) {
      if (Object.hasOwn(merged, key)) throw new Error(`Message key ${key} is declared twice; rename one.`);
      merged[key] = message;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;
