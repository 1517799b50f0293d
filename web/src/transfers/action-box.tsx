import { type FormEvent, type ReactNode, useId } from 'react';

/**
 * One step offered on the transfer page, boxed under its title with an optional note: a form (named by
 * its title, validated by the page rather than the browser) when `onSubmit` is given, else a plain box.
 */
export function ActionBox({
  title,
  note,
  onSubmit,
  children,
}: {
  title: string;
  note?: string;
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const id = useId();
  const body = (
    <>
      <h3 className="custodia-action__title" id={`${id}-title`}>
        {title}
      </h3>
      {note && <p className="custodia-note-text margin-y-1">{note}</p>}
      {children}
    </>
  );
  if (!onSubmit) return <div className="custodia-action">{body}</div>;
  return (
    <form className="custodia-action" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-title`}>
      {body}
    </form>
  );
}
