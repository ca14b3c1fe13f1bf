export * from './localized-label.js';
