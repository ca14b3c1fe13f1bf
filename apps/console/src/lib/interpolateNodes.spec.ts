import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { NODE_MARKERS, interpolateNodes } from './interpolateNodes';

describe('interpolateNodes', () => {
  const [A, B] = NODE_MARKERS;
  const html = (text: string, nodes: Parameters<typeof interpolateNodes>[1]) => renderToStaticMarkup(createElement('p', null, interpolateNodes(text, nodes)));

  it('puts each node where its marker stands, as often as it stands there', () => {
    expect(html(`由 ${A} 并入`, { [A]: createElement('a', null, 'INC-1') })).toBe('<p>由 <a>INC-1</a> 并入</p>');
    expect(html(`${B} 并入 ${A}，由 ${A} 继续`, { [A]: createElement('b', null, 'T'), [B]: 'S' })).toBe('<p>S 并入 <b>T</b>，由 <b>T</b> 继续</p>');
  });

  it('leaves a sentence without markers as it is', () => {
    expect(html('没有编号', { [A]: 'x' })).toBe('<p>没有编号</p>');
  });
});
