export { default } from '../../apps/api/src/testing/global-setup.js';
