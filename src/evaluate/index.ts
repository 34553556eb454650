export { evaluate, type Decision } from './evaluate.js';
export { compileMessages, type CompiledMessages, type InvalidMessage } from './compile.js';
export { GATES, REASON_BY_GATE, type Gate, type ReasonCode } from './reasons.js';
export { explain, type GateResult, type Outcome, type Verdict } from './explain.js';
