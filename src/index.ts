/**
 * proactive-messaging — the headless, pure domain core of proactive support messages.
 *
 * One folder per concept; this file is the only public surface of the main entry.
 * Data flows one way: parse → compile → evaluate → present.
 * @packageDocumentation
 */
export * from './model/index.js';
export * from './conditions/index.js';
export * from './schedule/index.js';
export * from './message/index.js';
export * from './frequency/index.js';
export * from './evaluate/index.js';
export * from './experience/index.js';
