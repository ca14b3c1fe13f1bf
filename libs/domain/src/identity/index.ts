export * from './roles.js';
export * from './jurisdiction-tree.js';
export * from './alarm-audience.js';
