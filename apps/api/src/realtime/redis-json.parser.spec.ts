import { INSTANCE_ORIGIN, adapterJsonParser, originJsonParser } from './redis-json.parser.js';

describe('the realtime Redis parsers', () => {
  const packet = { type: 2, data: ['team.updated', { seq: 7, note: '压测' }], nsp: '/realtime' };
  const opts = { rooms: ['j:1'], except: [], flags: {} };

  it('marks what this process publishes with its origin, and its own adapter skips it without a packet', () => {
    const wire = originJsonParser.encode(['emitter', packet, opts]);
    expect(JSON.parse(wire)).toEqual([INSTANCE_ORIGIN, packet, opts]);
    for (const received of [wire, Buffer.from(wire)]) expect(adapterJsonParser.decode(received)).toEqual([INSTANCE_ORIGIN, null, null]);
  });

  it('decodes what other instances publish, and the adapter\'s own requests, as JSON', () => {
    const other = JSON.stringify(['beacon-another-instance', packet, opts]);
    for (const received of [other, Buffer.from(other)]) expect(adapterJsonParser.decode(received)).toEqual(['beacon-another-instance', packet, opts]);
    const request = adapterJsonParser.encode({ uid: 'x', type: 3, requestId: 'r1' });
    expect(adapterJsonParser.decode(Buffer.from(request))).toEqual({ uid: 'x', type: 3, requestId: 'r1' });
    // Shorter than the origin mark: not own, plain JSON.
    expect(adapterJsonParser.decode(Buffer.from('[1]'))).toEqual([1]);
  });
});
