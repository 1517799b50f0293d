import { TextField } from '../components/fields.tsx';
import { useI18n } from '../language.tsx';

/**
 * A booking's room (any free room when left empty) and its video link, as the booking and the change forms
 * both ask for them.
 */
export function RoomLinkFields({
  id,
  room,
  onRoom,
  videoUrl,
  onVideoUrl,
  videoUrlError,
}: {
  id: string;
  room: string;
  onRoom: (value: string) => void;
  videoUrl: string;
  onVideoUrl: (value: string) => void;
  videoUrlError?: string | undefined;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        id={`${id}-room`}
        label={t('hearings.room')}
        hint={t('hearings.roomHint')}
        maxLength={40}
        value={room}
        onChange={onRoom}
      />
      <TextField
        id={`${id}-video-url`}
        type="url"
        label={t('hearings.videoUrl')}
        error={videoUrlError}
        maxLength={500}
        value={videoUrl}
        onChange={onVideoUrl}
      />
    </>
  );
}
