import { createStore } from '../../../lib/store';

/**
 * The alarm's sound, made with a WebAudio oscillator (no audio files, works offline).
 * Beeps are scheduled ahead on the audio clock, so a throttled background tab still sounds.
 */
export type AudioState = 'running' | 'suspended' | 'unsupported';
export type AlarmPattern = 'none' | 'new' | 'loud';

export const audioStateStore = createStore<AudioState>('suspended');

let ctx: AudioContext | null = null;

function getContext(): AudioContext | null {
  if (ctx) return ctx;
  const Ctor = window.AudioContext;
  if (!Ctor) {
    audioStateStore.set('unsupported');
    return null;
  }
  ctx = new Ctor();
  ctx.addEventListener('statechange', () => audioStateStore.set(ctx?.state === 'running' ? 'running' : 'suspended'));
  audioStateStore.set(ctx.state === 'running' ? 'running' : 'suspended');
  return ctx;
}

/** Call from a user gesture (login click, any click/key): unlocks audio for the page. */
export function primeAudio(): void {
  const c = getContext();
  if (c && c.state !== 'running') void c.resume().catch(() => undefined);
}

interface Tone {
  offset: number;
  freq: number;
  dur: number;
}

const PATTERNS: Record<Exclude<AlarmPattern, 'none'>, { period: number; tones: Tone[]; gain: number; wave: OscillatorType }> = {
  // New unacknowledged incident: two-tone chime every 1.6 s.
  new: { period: 1.6, gain: 0.25, wave: 'sine', tones: [{ offset: 0, freq: 880, dur: 0.18 }, { offset: 0.24, freq: 660, dur: 0.22 }] },
  // Grade raised / acknowledgement overdue: harsh, rapid triple every 1 s.
  loud: {
    period: 1.0,
    gain: 0.35,
    wave: 'square',
    tones: [{ offset: 0, freq: 1320, dur: 0.12 }, { offset: 0.16, freq: 990, dur: 0.12 }, { offset: 0.32, freq: 1320, dur: 0.12 }],
  },
};

const LOOKAHEAD_S = 8;
let current: AlarmPattern = 'none';
let timer: ReturnType<typeof setInterval> | null = null;
let nextAt = 0;
let scheduled: OscillatorNode[] = [];

function scheduleTone(c: AudioContext, at: number, tone: Tone, gainValue: number, wave: OscillatorType): void {
  const osc = c.createOscillator();
  const gain = c.createGain();
  osc.type = wave;
  osc.frequency.setValueAtTime(tone.freq, at);
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(gainValue, at + 0.015);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + tone.dur);
  osc.connect(gain).connect(c.destination);
  osc.start(at);
  osc.stop(at + tone.dur + 0.02);
  osc.onended = () => {
    scheduled = scheduled.filter((o) => o !== osc);
  };
  scheduled.push(osc);
}

function pump(): void {
  const c = getContext();
  if (!c || current === 'none') return;
  if (c.state !== 'running') {
    void c.resume().catch(() => undefined);
    return;
  }
  const p = PATTERNS[current];
  if (nextAt < c.currentTime) nextAt = c.currentTime + 0.05;
  while (nextAt < c.currentTime + LOOKAHEAD_S) {
    for (const tone of p.tones) scheduleTone(c, nextAt + tone.offset, tone, p.gain, p.wave);
    nextAt += p.period;
  }
}

function silence(): void {
  const c = ctx;
  for (const osc of scheduled) {
    try {
      osc.stop(c ? c.currentTime : 0);
    } catch {
      /* already stopped */
    }
  }
  scheduled = [];
  nextAt = 0;
}

/** Sets what the alarm plays; 'none' stops at once. Idempotent. */
export function setAlarmPattern(pattern: AlarmPattern): void {
  if (pattern === current) return;
  silence();
  current = pattern;
  if (timer) {
    clearInterval(timer);
    timer = null;
  }
  if (pattern === 'none') return;
  pump();
  timer = setInterval(pump, 1000);
}

export function getAlarmPattern(): AlarmPattern {
  return current;
}

const CHIME: Tone[] = [{ offset: 0, freq: 660, dur: 0.16 }, { offset: 0.2, freq: 990, dur: 0.24 }];

/** One soft chime, on top of whatever plays: a call came in on an acknowledged incident. */
export function playChime(): void {
  const c = getContext();
  if (!c || c.state !== 'running') return;
  const start = c.currentTime + 0.05;
  for (const tone of CHIME) scheduleTone(c, start + tone.offset, tone, 0.2, 'sine');
}
