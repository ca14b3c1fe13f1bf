import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with React nodes in its placeholders: translate with each value set to its
 * marker (a control character no translation contains), then split on the markers. i18next's Trans
 * would do it with tags in every string; this keeps the strings plain.
 */
export function interpolateNodes(text: string, nodes: Record<string, ReactNode>): ReactNode {
  const markers = Object.keys(nodes);
  if (markers.length === 0) return text;
  const pattern = new RegExp(`(${markers.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return (
    <>
      {text.split(pattern).map((part, i) => (
        <Fragment key={i}>{part in nodes ? nodes[part] : part}</Fragment>
      ))}
    </>
  );
}

/** Markers for up to a few placeholders of one sentence. */
export const NODE_MARKERS = ['\u0001', '\u0002', '\u0003'] as const;
