import type { ActionRunner } from '../components/action-feedback.tsx';
import { RunButton } from './run-button.tsx';

/** A step of the whole manifest (departure, arrival, closing): an optional note and its button. */
export function ManifestStep({
  runner,
  runKey,
  note,
  text,
  onClick,
}: {
  runner: ActionRunner;
  runKey: string;
  note?: string;
  text: string;
  onClick: () => void;
}) {
  return (
    <div className="custodia-step">
      {note && <p className="custodia-note-text">{note}</p>}
      <RunButton runner={runner} runKey={runKey} onClick={onClick}>
        {text}
      </RunButton>
    </div>
  );
}
