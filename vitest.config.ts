import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two workers on the two cores: vitest's default leaves one, while much of a test's time is
    // spent waiting on PostgreSQL and Chromium, other processes. Measured on this machine, whole
    // suite with PostgreSQL: 454 s with two workers; ~780 s of tests on one before issue 7 added ~100 s.
    maxWorkers: 2,
    env: { TZ: 'Europe/Paris' },
    reporters: ['default'],
  },
})
