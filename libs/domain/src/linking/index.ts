export * from './geo-math.js';
export * from './linking-config.js';
export * from './linking-types.js';
export * from './type-compatibility.js';
export * from './find-link-candidate.js';
export * from './linkable-kinds.js';
export * from './received-at.js';
