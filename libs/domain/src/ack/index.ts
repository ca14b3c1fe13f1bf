export * from './ack-policy.js';
export * from './ack-deadlines.js';
