/**
 * The Anthropic emulator's own model catalogue (never token.js's table). Ids, context windows, output
 * limits, thinking modes and lifecycle come from Anthropic's model pages as published in November 2026:
 * https://platform.claude.com/docs/en/about-claude/models/overview (the comparison table: context, max
 * output, "Adaptive (always on)" vs "Adaptive"), the per-model pages
 * https://platform.claude.com/docs/en/models/<model>/overview ("Legacy. Released July 24, 2026." for
 * Opus 5), and https://platform.claude.com/docs/en/about-claude/model-deprecations (Opus 4.5 deprecated,
 * retiring 2027-01-22; Sonnet 4.5 retired, also dropped from @anthropic-ai/sdk 1.15.0 on 2026-11-30).
 * Prefill and sampling limits: the SDK's doc comments on `messages` ("On models that don't support
 * prefill … returns a 400 error") and the deprecation note that models after Opus 4.6 take only
 * temperature 1.0. `created_at` is exact where a page gives the release day; otherwise it is the first
 * day of the release month and only orders the list (newest first), as the Models API does.
 */
import type { AnthropicModelCard } from './types.js'

type Thinking = AnthropicModelCard['thinking']
const ADAPTIVE_ONLY: Thinking = ['adaptive']
const ADAPTIVE: Thinking = ['adaptive', 'disabled']
const ALL: Thinking = ['adaptive', 'enabled', 'disabled']
const BUDGET: Thinking = ['enabled', 'disabled']

function card(
  id: string,
  display_name: string,
  created_at: string,
  limits: { input: number; output: number },
  thinking: Thinking,
  extra: Partial<AnthropicModelCard> = {},
): AnthropicModelCard {
  const modern = thinking.includes('adaptive')
  return {
    id,
    display_name,
    created_at: `${created_at}T00:00:00Z`,
    max_input_tokens: limits.input,
    max_tokens: limits.output,
    thinking,
    thinksByDefault: false,
    effortLevels: modern ? ['low', 'medium', 'high', 'xhigh', 'max'] : [],
    prefill: !modern,
    inlineSystem: false,
    fixedSampling: modern,
    lifecycle: 'active',
    ...extra,
  }
}

const M1 = { input: 1_000_000, output: 128_000 }
// No xhigh on the 4.6 models: a recorded 400 for claude-opus-4-6 says "Supported levels: high, low, max,
// medium" (pydantic/pydantic-ai tests/models/cassettes/test_anthropic/
// test_anthropic_explicit_effort_xhigh_unsupported_model_errors.yaml).
const NO_XHIGH = { effortLevels: ['low', 'medium', 'high', 'max'] } as const
// Opus 4.7 answers without thinking when `thinking` is absent (vercel/ai fixture
// issue-14707-claude-opus-4-7-temperature-live.json: thinking_tokens 0); the "always on" models think.
const ALWAYS = { thinksByDefault: true } as const

/** Newest first, as `GET /v1/models` lists them. */
export const ANTHROPIC_EMULATOR_MODELS: readonly AnthropicModelCard[] = [
  card('claude-fable-5-2', 'Claude Fable 5.2', '2026-11-01', M1, ADAPTIVE_ONLY, { inlineSystem: true, ...ALWAYS }),
  card('claude-haiku-5-5', 'Claude Haiku 5.5', '2026-10-01', M1, ADAPTIVE, { inlineSystem: true }),
  card('claude-sonnet-5-5', 'Claude Sonnet 5.5', '2026-09-01', M1, ADAPTIVE, { inlineSystem: true }),
  card('claude-opus-5-5', 'Claude Opus 5.5', '2026-09-01', M1, ADAPTIVE_ONLY, { inlineSystem: true, ...ALWAYS }),
  card('claude-fable-5-1', 'Claude Fable 5.1', '2026-08-01', M1, ADAPTIVE_ONLY, { inlineSystem: true, ...ALWAYS }),
  card('claude-sonnet-5', 'Claude Sonnet 5', '2026-07-24', M1, ADAPTIVE, { inlineSystem: true, ...ALWAYS }),
  card('claude-opus-5', 'Claude Opus 5', '2026-07-24', M1, ADAPTIVE, { inlineSystem: true }),
  card('claude-fable-5', 'Claude Fable 5', '2026-07-01', M1, ADAPTIVE_ONLY, { inlineSystem: true, ...ALWAYS }),
  card('claude-opus-4-8', 'Claude Opus 4.8', '2026-05-28', M1, ALL, { inlineSystem: true }),
  card('claude-opus-4-7', 'Claude Opus 4.7', '2026-04-01', M1, ADAPTIVE_ONLY),
  card('claude-opus-4-6', 'Claude Opus 4.6', '2026-02-01', M1, ALL, { fixedSampling: false, ...NO_XHIGH }),
  card('claude-sonnet-4-6', 'Claude Sonnet 4.6', '2026-02-01', M1, ALL, { fixedSampling: false, ...NO_XHIGH }),
  card('claude-haiku-4-5-20251001', 'Claude Haiku 4.5', '2025-10-01', { input: 200_000, output: 64_000 }, BUDGET),
  card('claude-opus-4-5-20251101', 'Claude Opus 4.5', '2025-11-01', { input: 200_000, output: 64_000 }, BUDGET, {
    lifecycle: 'deprecated',
    deprecated_at: '2026-11-23T00:00:00Z',
    retires_at: '2027-01-22T00:00:00Z',
  }),
]

/** Aliases the API resolves to a dated id (the model pages list both). */
export const ANTHROPIC_EMULATOR_ALIASES: Readonly<Record<string, string>> = {
  'claude-haiku-4-5': 'claude-haiku-4-5-20251001',
  'claude-opus-4-5': 'claude-opus-4-5-20251101',
}
