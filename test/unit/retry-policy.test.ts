import { describe, expect, it } from 'vitest'
import {
  INITIAL_RETRY_DELAY_MS,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  MAX_RETRY_DELAY_MS,
  retryDelayMs,
  shouldRetry,
  type HeaderLookup,
  type ShouldRetryInput,
} from '../../src/core/retry-policy.js'

/** A case-insensitive header lookup over a plain record, like fetch `Headers.get`. */
function headers(values: Record<string, string>): HeaderLookup {
  const lowerCased = new Map(Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]))
  return (name) => lowerCased.get(name.toLowerCase()) ?? null
}

const NOW = Date.parse('2025-06-01T12:00:00Z')
const noJitter = (): number => 0

describe('isRetryableStatus', () => {
  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [529, true],
    [599, true],
    [200, false],
    [301, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [410, false],
    [422, false],
    [499, false],
  ])('status %i → %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected)
  })
})

describe('shouldRetry', () => {
  const base = { attempt: 0, maxRetries: 2 } as const
  it.each<[string, ShouldRetryInput, boolean]>([
    ['connection error', { ...base }, true],
    ['retryable status', { ...base, status: 429 }, true],
    ['server error', { ...base, status: 503 }, true],
    ['client error', { ...base, status: 400 }, false],
    ['last retry still available', { attempt: 1, maxRetries: 2, status: 500 }, true],
    ['attempts exhausted', { attempt: 2, maxRetries: 2, status: 500 }, false],
    ['attempts exhausted, connection error', { attempt: 2, maxRetries: 2 }, false],
    ['maxRetries 0', { attempt: 0, maxRetries: 0, status: 500 }, false],
    ['x-should-retry: true on a 400', { ...base, status: 400, headers: headers({ 'x-should-retry': 'true' }) }, true],
    [
      'x-should-retry: false on a 503',
      { ...base, status: 503, headers: headers({ 'x-should-retry': 'false' }) },
      false,
    ],
    [
      'X-Should-Retry: TRUE (any case)',
      { ...base, status: 400, headers: headers({ 'X-Should-Retry': ' TRUE ' }) },
      true,
    ],
    ['x-should-retry: other value', { ...base, status: 503, headers: headers({ 'x-should-retry': 'maybe' }) }, true],
    [
      'x-should-retry: true, attempts exhausted',
      { attempt: 2, maxRetries: 2, headers: headers({ 'x-should-retry': 'true' }) },
      false,
    ],
    ['aborted', { ...base, status: 503, aborted: true }, false],
    ['aborted, connection error', { ...base, aborted: true }, false],
    [
      'aborted despite x-should-retry: true',
      { ...base, aborted: true, headers: headers({ 'x-should-retry': 'true' }) },
      false,
    ],
    ['stream started', { ...base, streamStarted: true }, false],
    [
      'stream started despite x-should-retry: true',
      { ...base, status: 500, streamStarted: true, headers: headers({ 'x-should-retry': 'true' }) },
      false,
    ],
    ['aborted: false, streamStarted: false', { ...base, status: 500, aborted: false, streamStarted: false }, true],
  ])('%s → %s', (_name, input, expected) => {
    expect(shouldRetry(input)).toBe(expected)
  })
})

describe('retryDelayMs: server-requested delays', () => {
  const at = (values: Record<string, string>): number =>
    retryDelayMs({ attempt: 0, headers: headers(values), random: noJitter, now: NOW })
  const backoff = INITIAL_RETRY_DELAY_MS

  it.each<[string, Record<string, string>, number]>([
    ['retry-after-ms', { 'retry-after-ms': '1200' }, 1200],
    ['retry-after-ms float', { 'retry-after-ms': '250.5' }, 250.5],
    ['retry-after-ms 0', { 'retry-after-ms': '0' }, 0],
    ['retry-after-ms at the limit', { 'retry-after-ms': String(MAX_RETRY_AFTER_MS) }, MAX_RETRY_AFTER_MS],
    ['retry-after-ms wins over Retry-After', { 'retry-after-ms': '100', 'retry-after': '5' }, 100],
    ['Retry-After seconds', { 'retry-after': '3' }, 3000],
    ['Retry-After float seconds', { 'retry-after': '1.5' }, 1500],
    ['Retry-After with spaces', { 'Retry-After': ' 2 ' }, 2000],
    ['Retry-After 0', { 'retry-after': '0' }, 0],
    ['Retry-After 60 s', { 'retry-after': '60' }, 60_000],
    ['Retry-After HTTP date 30 s ahead', { 'retry-after': new Date(NOW + 30_000).toUTCString() }, 30_000],
    ['Retry-After HTTP date now', { 'retry-after': new Date(NOW).toUTCString() }, 0],
    ['Retry-After used when retry-after-ms is out of range', { 'retry-after-ms': '90000', 'retry-after': '2' }, 2000],
    ['Retry-After used when retry-after-ms is garbage', { 'retry-after-ms': 'soon', 'retry-after': '2' }, 2000],
  ])('%s', (_name, values, expected) => {
    expect(at(values)).toBe(expected)
  })

  it.each<[string, Record<string, string>]>([
    ['no headers', {}],
    ['retry-after-ms above 60 s', { 'retry-after-ms': '60001' }],
    ['retry-after-ms negative', { 'retry-after-ms': '-5' }],
    ['retry-after-ms with a unit', { 'retry-after-ms': '100ms' }],
    ['retry-after-ms empty', { 'retry-after-ms': '' }],
    ['Retry-After above 60 s', { 'retry-after': '61' }],
    ['Retry-After negative', { 'retry-after': '-1' }],
    ['Retry-After hex', { 'retry-after': '0x10' }],
    ['Retry-After empty', { 'retry-after': '' }],
    ['Retry-After garbage', { 'retry-after': 'later' }],
    ['Retry-After HTTP date in the past', { 'retry-after': new Date(NOW - 10_000).toUTCString() }],
    ['Retry-After HTTP date 2 min ahead', { 'retry-after': new Date(NOW + 120_000).toUTCString() }],
  ])('falls back to backoff: %s', (_name, values) => {
    expect(at(values)).toBe(backoff)
  })

  it('uses Date.now() for an HTTP date when now is not given', () => {
    const delay = retryDelayMs({
      attempt: 0,
      headers: headers({ 'retry-after': new Date(Date.now() + 20_000).toUTCString() }),
    })
    expect(delay).toBeGreaterThan(18_000)
    expect(delay).toBeLessThanOrEqual(20_000)
  })
})

describe('retryDelayMs: exponential backoff', () => {
  it.each([
    [0, 500],
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [5, 8000],
    [10, 8000],
    [1_000_000, 8000],
  ])('attempt %i: between 75%% and 100%% of %i ms', (attempt, full) => {
    expect(retryDelayMs({ attempt, random: () => 0 })).toBe(full)
    expect(retryDelayMs({ attempt, random: () => 1 })).toBe(full * 0.75)
    expect(retryDelayMs({ attempt, random: () => 0.5 })).toBe(full * 0.875)
  })

  it('never exceeds the cap', () => {
    expect(retryDelayMs({ attempt: 50, random: noJitter })).toBe(MAX_RETRY_DELAY_MS)
  })

  it.each([-1, Number.NaN])('treats attempt %d as 0', (attempt) => {
    expect(retryDelayMs({ attempt, random: noJitter })).toBe(INITIAL_RETRY_DELAY_MS)
  })

  it('clamps a random source outside [0, 1]', () => {
    expect(retryDelayMs({ attempt: 0, random: () => 7 })).toBe(375)
    expect(retryDelayMs({ attempt: 0, random: () => -7 })).toBe(500)
  })

  it('defaults to Math.random jitter within bounds', () => {
    for (let run = 0; run < 200; run++) {
      const delay = retryDelayMs({ attempt: 2 })
      expect(delay).toBeGreaterThan(1500)
      expect(delay).toBeLessThanOrEqual(2000)
    }
  })

  it('exports the documented constants', () => {
    expect([INITIAL_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, MAX_RETRY_AFTER_MS]).toEqual([500, 8000, 60_000])
  })
})
