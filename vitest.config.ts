import { defineConfig } from 'vitest/config';

/**
 * Host zones the schedule suite runs under besides the default project (SPEC §2.1, STYLE
 * "Time-zone matrix"). Each gets its own project with `TZ` set; test/schedule/host-zone.test.ts
 * fails if the process is not really in that zone.
 */
export const SCHEDULE_HOST_ZONES = [
  'UTC',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
] as const;

export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'default', include: ['test/**/*.test.ts'] } },
      ...SCHEDULE_HOST_ZONES.map((zone) => ({
        extends: true as const,
        test: {
          name: `TZ=${zone}`,
          include: ['test/schedule/**/*.test.ts'],
          env: { TZ: zone, SCHEDULE_HOST_ZONE: zone },
        },
      })),
    ],
  },
});
