export * from './geo.js';
export * from './identity.js';
export * from './resources.js';
export * from './events.js';
export * from './errors.js';
export * from './incidents.js';
export * from './clock.js';
