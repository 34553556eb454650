/**
 * Runs in a child process under a given `TZ` (see host-zone.test.ts): reads cases from the JSON
 * file named on the command line and prints the library's answers, plus the zone it ran in.
 */
import { readFileSync } from 'node:fs';
import { computeAnswers, type HostZoneCases } from './host-zone.shared.js';

const cases = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as HostZoneCases;
process.stdout.write(
  JSON.stringify({
    // The host's own offset at the kit's default instant, to prove TZ took effect.
    hostOffset: -new Date(Date.UTC(2026, 10, 23, 10)).getTimezoneOffset(),
    answers: computeAnswers(cases),
  }),
);
