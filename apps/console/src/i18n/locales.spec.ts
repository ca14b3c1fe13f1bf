import en from './en.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

/** Every string's key path, plural forms (`_one`, `_other`) counted as one key. */
function keyPaths(tree: Tree, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key.replace(/_(zero|one|two|few|many|other)$/, '');
    if (typeof value === 'string') out.add(path);
    else for (const p of keyPaths(value, `${path}.`)) out.add(p);
  }
  return out;
}

describe('the console\'s two languages', () => {
  it('have the same strings: nothing shows a key, or falls back to Chinese, in English', () => {
    const zh = keyPaths(zhCN as Tree);
    const english = keyPaths(en as Tree);
    expect([...zh].filter((k) => !english.has(k))).toEqual([]);
    expect([...english].filter((k) => !zh.has(k))).toEqual([]);
  });
});
