export * from './incident-status.js';
export * from './incident-transitions.js';
export * from './incident-labels.js';
export * from './incident-category.js';
export * from './incident-title.js';
export * from './absorb-call.js';
export * from './correct-classification.js';
export * from './grade-raise-alerts.js';
