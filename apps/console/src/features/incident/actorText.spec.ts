import type { TFunction } from 'i18next';
import { actorText } from './actorText';

const t = ((key: string, opts?: Record<string, string>) => (opts ? `${key}(${Object.values(opts).join('|')})` : key)) as unknown as TFunction;

describe('actorText', () => {
  it('names a person, an integration by source and label, and Beacon as the system', () => {
    expect(actorText(t, { type: 'user', name: '值班员 张伟' })).toBe('值班员 张伟');
    expect(actorText(t, { type: 'integration', name: '119:demo-119' })).toBe('actor.integrationNamed(source.119(119)|demo-119)');
    expect(actorText(t, { type: 'system', name: 'beacon' })).toBe('actor.system');
    expect(actorText(t, { type: 'integration', name: null })).toBe('actor.integration');
  });
});
