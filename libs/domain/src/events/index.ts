export * from './event-payloads.js';
export * from './event-payload-map.js';
export * from './payload-field.js';
