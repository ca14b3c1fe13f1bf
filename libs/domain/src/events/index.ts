export * from './event-payloads.js';
export * from './event-payload-map.js';
