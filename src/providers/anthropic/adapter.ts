/** The Anthropic adapter (loaded on first use by the registry entry in index.ts): pure mapping. */
import type { ProviderAdapter } from '../../core/provider-adapter.js'
import { parseAnthropicError } from './errors.js'
import { anthropicInfo } from './info.js'
import { anthropicChatChecks } from './options.js'
import { toAnthropicRequest } from './request.js'
import { fromAnthropicResponse } from './response.js'
import { createAnthropicChunkMapper } from './stream.js'

export const anthropicAdapter = {
  ...anthropicInfo,
  requestIdHeaders: ['request-id', 'x-request-id'],
  headers: { 'anthropic-version': '2026-10-21' },
  // The API reference's header; `@anthropic-ai/sdk` 1.x sends `Authorization: Bearer`, which the API also takes.
  auth: { secretHeaders: ['x-api-key'], headers: (apiKey: string) => ({ 'x-api-key': apiKey }) },
  chat: {
    prepare: (params, context) => ({ path: '/messages', body: toAnthropicRequest(params, context) }),
    fromResponse: fromAnthropicResponse,
    streamFraming: 'sse',
    createStreamMapper: createAnthropicChunkMapper,
    checks: anthropicChatChecks,
  },
  parseError: parseAnthropicError,
} as const satisfies ProviderAdapter
