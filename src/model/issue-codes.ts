/**
 * Every stable issue code the library can report, as one closed union.
 * Each module owns its own list; docs/issue-codes.md documents them all.
 * @module
 */
import type { ParseIssueCode } from './codes.js';
import type { ConditionIssueCode } from '../conditions/codes.js';
import type { ScheduleIssueCode } from '../schedule/codes.js';
import type { LifecycleIssueCode } from '../message/codes.js';
import type { ExperienceIssueCode } from '../experience/codes.js';

export type IssueCode =
  | ParseIssueCode
  | ConditionIssueCode
  | ScheduleIssueCode
  | LifecycleIssueCode
  | ExperienceIssueCode;
