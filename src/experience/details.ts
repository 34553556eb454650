/**
 * Validation of the details a visitor shares in the data-capture form (name, email).
 * Every check takes time linear in the text and uses no regular expressions.
 * @module
 */
import { MAX_DETAILS_NAME_LENGTH as MAX_NAME_LENGTH, MAX_EMAIL_LENGTH } from '../core/limits.js';
import type { CaptureField } from '../core/types.js';
import { CAPTURE_FIELDS } from '../core/vocabulary.js';

/** Details the visitor typed into the form. Fields not asked for are dropped. */
export interface CapturedDetails {
  readonly name?: string;
  readonly email?: string;
}

/** Why one field of the form was rejected. */
export const DETAIL_ERROR_CODES = ['required', 'invalidEmail', 'tooLong'] as const;
export type DetailErrorCode = (typeof DETAIL_ERROR_CODES)[number];

/** One rejected field: a stable code and a readable message. */
export interface DetailError {
  readonly code: DetailErrorCode;
  readonly message: string;
}

/** Per-field errors; a field that is fine has no entry. */
export type FieldErrors = Readonly<Partial<Record<CaptureField, DetailError>>>;

/** Outcome of {@link validateDetails}: trimmed details, or the per-field errors. */
export type DetailsValidation =
  | { readonly ok: true; readonly details: CapturedDetails }
  | { readonly ok: false; readonly details: CapturedDetails; readonly fieldErrors: FieldErrors };

const MAX_LOCAL_PART = 64;
const MAX_DOMAIN_LABEL = 63;
/** Characters that only make sense inside quoted local parts, which we do not accept. */
const QUOTED_ONLY = '"(),:;<>[]\\';

/**
 * A deliberately simple, linear-time email check — the form's job is to catch typos, not to
 * implement RFC 5322. Accepted: `local@domain` with exactly one `@`; no whitespace or control
 * characters anywhere; at most 254 characters; a local part of 1–64 characters that neither
 * starts nor ends with `.` nor contains `..`; a domain of two or more dot-separated labels, each
 * 1–63 characters of letters, digits, `-` or non-ASCII (internationalised names), not starting
 * or ending with `-`. Quoted local parts and IP-literal domains are rejected.
 * @example
 * ```ts
 * isValidEmail('ada@example.com'); // true
 * isValidEmail('ada@localhost');   // false: the domain needs a dot
 * isValidEmail('ada lovelace@example.com'); // false: whitespace
 * ```
 */
export function isValidEmail(text: string): boolean {
  if (typeof text !== 'string') return false;
  const at = text.indexOf('@');
  if (text.length > MAX_EMAIL_LENGTH || at <= 0 || at !== text.lastIndexOf('@')) return false;
  const local = text.slice(0, at);
  // Splitting on dots is linear too: an empty part is a leading, trailing or doubled dot.
  const labels = text.slice(at + 1).split('.');
  return (
    local.length <= MAX_LOCAL_PART &&
    local.split('.').every((atom) => atom !== '' && everyCode(atom, isLocalPartCode)) &&
    labels.length >= 2 &&
    labels.every(isValidLabel)
  );
}

/** Whether every UTF-16 code unit of `text` passes `test`. */
function everyCode(text: string, test: (code: number) => boolean): boolean {
  for (let index = 0; index < text.length; index += 1) if (!test(text.charCodeAt(index))) return false;
  return true;
}

function isSpaceOrControl(code: number): boolean {
  // ASCII controls and space, DEL, C1 controls, and the common Unicode spaces.
  return code <= 0x20 || (code >= 0x7f && code <= 0xa0) || code === 0x2028 || code === 0x2029 || code === 0xfeff ||
    (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0x1680 || code === 0x202f || code === 0x205f;
}

function isLocalPartCode(code: number): boolean {
  return !isSpaceOrControl(code) && !QUOTED_ONLY.includes(String.fromCharCode(code));
}

function isValidLabel(label: string): boolean {
  return label.length > 0 && label.length <= MAX_DOMAIN_LABEL && !label.startsWith('-') && !label.endsWith('-') &&
    everyCode(label, isLabelCode);
}

function isLabelCode(code: number): boolean {
  const isAsciiLetterOrDigit =
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  // `-` (0x2d), or non-ASCII for internationalised names.
  return isAsciiLetterOrDigit || code === 0x2d || (code >= 0x80 && !isSpaceOrControl(code));
}

/**
 * Checks the details submitted for the `capture` fields. Every captured field is required:
 * missing or blank (only whitespace) gives `required`; a name over `LIMITS.detailsNameLength`
 * gives `tooLong`; an email that fails {@link isValidEmail} gives `invalidEmail`. Values are
 * trimmed; fields that were not asked for are dropped.
 * @example
 * ```ts
 * validateDetails(['email'], { email: ' ada@example.com ' });
 * // { ok: true, details: { email: 'ada@example.com' } }
 * validateDetails(['name', 'email'], { email: 'nope' });
 * // { ok: false, details: { email: 'nope' }, fieldErrors: { name: { code: 'required', … }, email: { code: 'invalidEmail', … } } }
 * ```
 */
export function validateDetails(capture: readonly CaptureField[], submitted: CapturedDetails): DetailsValidation {
  const details: { name?: string; email?: string } = {};
  const fieldErrors: { name?: DetailError; email?: DetailError } = {};
  // Total: anything but a list of capture fields asks for nothing; unreadable details are blank.
  // A capture list has at most two fields: longer lists are read no further (bounded work).
  let fields: CaptureField[];
  try {
    fields = Array.isArray(capture)
      ? capture.slice(0, CAPTURE_FIELDS.length).filter((field): field is CaptureField => field === 'name' || field === 'email')
      : [];
  } catch {
    // A capture list that cannot be read (a Proxy, a throwing item): not a list of capture fields.
    fields = [];
  }
  for (const field of new Set(fields)) {
    let raw: unknown;
    try {
      raw = typeof submitted === 'object' && submitted !== null ? submitted[field] : undefined;
    } catch {
      raw = undefined;
    }
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (value !== '') details[field] = value;
    const error = fieldError(field, value);
    if (error !== undefined) fieldErrors[field] = error;
  }
  return Object.keys(fieldErrors).length === 0 ? { ok: true, details } : { ok: false, details, fieldErrors };
}

function fieldError(field: CaptureField, value: string): DetailError | undefined {
  if (value === '') return { code: 'required', message: `${field} is required` };
  const max = field === 'name' ? MAX_NAME_LENGTH : MAX_EMAIL_LENGTH;
  if (value.length > max) return { code: 'tooLong', message: `${field} is longer than ${max} characters` };
  return field === 'name' || isValidEmail(value)
    ? undefined
    : { code: 'invalidEmail', message: 'email is not a valid email address' };
}
