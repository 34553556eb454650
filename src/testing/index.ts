export * from './conditions.js';
