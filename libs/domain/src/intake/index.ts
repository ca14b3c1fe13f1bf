export * from './intake-call-rules.js';
