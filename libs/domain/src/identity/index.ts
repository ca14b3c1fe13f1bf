export * from './roles.js';
export * from './jurisdiction-tree.js';
