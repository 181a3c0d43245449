/**
 * Runs probes against a Mistral- or OpenAI-format base URL (the real API, or an emulator in tests) and
 * fetches `/v1/models`. Every HTTP detail lives here; deciding what differs is diff-probes.ts (and
 * probe-openai/diff-model-list.ts).
 */

/** One tiny request and the answer token.js's table predicts for it (both providers' plans). */
export interface Probe {
  readonly model: string
  /** The table cell the request tests (`tools`, `fim`, `effortNone`, …). */
  readonly feature: string
  /** What our table says: true = the API should answer 2xx. */
  readonly expected: boolean
  /** Path under the base URL (`/chat/completions`, …). */
  readonly path: string
  readonly body: Readonly<Record<string, unknown>>
}

export type ProbeOutcome = 'supported' | 'unsupported' | 'missing' | 'inconclusive'

export interface ProbeResult {
  readonly probe: Probe
  readonly outcome: ProbeOutcome
  readonly status: number
  /** The API's error message (or the network error) when not supported. */
  readonly message?: string
}

export interface RunnerOptions {
  /** With its version path, e.g. `https://api.mistral.ai/v1`. */
  readonly baseURL: string
  readonly apiKey: string
  /** The environment variable the key comes from, named in auth errors. Default `MISTRAL_API_KEY`. */
  readonly keyName?: string
  /** Wait before retrying a 429/5xx/network failure, ms. Default 2000. */
  readonly retryDelayMs?: number
  /** Attempts per probe for 429/5xx/network failures. Default 3. */
  readonly attempts?: number
  /** Per-request timeout, ms. Default 60000. */
  readonly timeoutMs?: number
  /** Called after each probe (progress output). */
  readonly onResult?: (result: ProbeResult) => void
}

export class ProbeAuthError extends Error {}

function messageOf(text: string): string {
  try {
    // Mistral: `message` or `detail`; OpenAI: `error.message`.
    const json = JSON.parse(text) as { message?: unknown; detail?: unknown; error?: { message?: unknown } }
    const message = json.message ?? json.detail ?? json.error?.message
    return typeof message === 'string' ? message : JSON.stringify(message)
  } catch {
    return text.slice(0, 300)
  }
}

async function request(
  options: RunnerOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${options.baseURL.replace(/\/+$/, '')}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.apiKey}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  })
  return { status: response.status, text: await response.text() }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export async function runProbe(probe: Probe, options: RunnerOptions): Promise<ProbeResult> {
  const attempts = options.attempts ?? 3
  let last: ProbeResult = { probe, outcome: 'inconclusive', status: 0, message: 'not sent' }
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await sleep(options.retryDelayMs ?? 2000)
    let status: number
    let text: string
    try {
      ;({ status, text } = await request(options, 'POST', probe.path, probe.body))
    } catch (error) {
      last = {
        probe,
        outcome: 'inconclusive',
        status: 0,
        message: error instanceof Error ? error.message : String(error),
      }
      continue
    }
    if (status === 401 || status === 403)
      throw new ProbeAuthError(`${status} ${messageOf(text)}: check ${options.keyName ?? 'MISTRAL_API_KEY'}.`)
    if (status >= 200 && status < 300) return { probe, outcome: 'supported', status }
    // An id the API does not serve: 400 `invalid_model` (mistralai/mistral-vibe#617, 2026-04-21).
    if (status === 400 && text.includes('"invalid_model"'))
      return { probe, outcome: 'missing', status, message: messageOf(text) }
    if (status === 400 || status === 422) return { probe, outcome: 'unsupported', status, message: messageOf(text) }
    if (status === 404) return { probe, outcome: 'missing', status, message: messageOf(text) }
    last = { probe, outcome: 'inconclusive', status, message: messageOf(text) }
  }
  return last
}

/** Runs probes one after another (gentle on rate limits). */
export async function runProbes(probes: readonly Probe[], options: RunnerOptions): Promise<ProbeResult[]> {
  const results: ProbeResult[] = []
  for (const probe of probes) {
    const result = await runProbe(probe, options)
    options.onResult?.(result)
    results.push(result)
  }
  return results
}

/** `GET /v1/models` as parsed JSON. */
export async function fetchModelList(options: RunnerOptions): Promise<unknown> {
  const { status, text } = await request(options, 'GET', '/models')
  if (status === 401 || status === 403)
    throw new ProbeAuthError(`${status} ${messageOf(text)}: check ${options.keyName ?? 'MISTRAL_API_KEY'}.`)
  if (status !== 200) throw new Error(`GET /models answered ${status}: ${messageOf(text)}`)
  return JSON.parse(text) as unknown
}
