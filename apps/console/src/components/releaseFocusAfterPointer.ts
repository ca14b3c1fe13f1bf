import type { MouseEvent } from 'react';

/**
 * A toggle clicked with the mouse hands focus back to the page. Left focused, it would take the desk's
 * next Enter ("open the selected incident") and flip again: an officer who had just unmuted the alarm
 * would mute it. Activated from the keyboard (a click with detail 0) it keeps focus, as keyboard users expect.
 */
export function releaseFocusAfterPointer(e: MouseEvent<HTMLElement>): void {
  if (e.detail > 0) e.currentTarget.blur();
}
