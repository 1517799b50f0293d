import type { RuleResult } from '../api.ts';

/** A rule's result, or an outcome, as a coloured tag with its name. */
export function ResultTag({ result, text }: { result: RuleResult; text: string }) {
  return <span className={`usa-tag custodia-result custodia-result--${result}`}>{text}</span>;
}

/** A hash shortened on screen, in full on hover and for screen readers. */
export function Hash({ value }: { value: string }) {
  return (
    <>
      <span className="custodia-mono" title={value} aria-hidden="true">
        {value.slice(0, 16)}…
      </span>
      <span className="usa-sr-only">{value}</span>
    </>
  );
}
