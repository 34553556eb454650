import { describe, expect, it } from 'vitest';
import { judgeAudit } from '../../scripts/audit.js';

describe('production audit verdict (scripts/audit.ts)', () => {
  it('is clean when npm reports no high or critical advisory', () => {
    const stdout = JSON.stringify({ vulnerabilities: {}, metadata: { vulnerabilities: { low: 1, moderate: 0, high: 0, critical: 0 } } });
    expect(judgeAudit(stdout, 0)).toEqual({ kind: 'clean', counts: { low: 1, moderate: 0, high: 0, critical: 0 } });
  });

  it('fails on a high advisory and names the package', () => {
    const stdout = JSON.stringify({
      vulnerabilities: { zod: { severity: 'high', via: [] }, other: { severity: 'low', via: [] } },
      metadata: { vulnerabilities: { low: 1, high: 1, critical: 0 } },
    });
    expect(judgeAudit(stdout, 1)).toEqual({ kind: 'vulnerable', packages: ['zod (high)'] });
  });

  it('reports an unreachable endpoint (here: a proxy answering 405) instead of a verdict', () => {
    const stdout = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    expect(judgeAudit(stdout, 1)).toEqual({ kind: 'unreachable', reason: expect.stringContaining('405') });
    expect(judgeAudit('', null).kind).toBe('unreachable');
  });
});
