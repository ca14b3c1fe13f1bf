import { useTranslation } from 'react-i18next';
import { SpeakerIcon } from '../../../components/SpeakerIcon';
import { releaseFocusAfterPointer } from '../../../components/releaseFocusAfterPointer';
import { setMuted, useMuted } from '../alarm/muteStore';

export function MuteToggle() {
  const { t } = useTranslation();
  const muted = useMuted();
  return (
    <button
      type="button"
      className={muted ? 'btn btn-sm mute-toggle muted-on' : 'btn btn-sm mute-toggle'}
      data-testid="mute-toggle"
      data-muted={muted ? 'true' : 'false'}
      aria-pressed={muted}
      title={muted ? t('header.unmuteHint') : t('header.muteHint')}
      onClick={(e) => {
        setMuted(!muted);
        releaseFocusAfterPointer(e);
      }}
    >
      <SpeakerIcon muted={muted} />
      {muted ? t('header.muted') : t('header.soundOn')}
    </button>
  );
}
