/**
 * Requests whose credentials sign each attempt (`ProviderAuth.sign`: SigV4, refreshed tokens), loaded by
 * send-request.ts only for such providers, so static keys carry none of it. Each attempt's signed headers
 * are checked like any header, redacted from what is received, stripped on a redirect to another origin,
 * and every signature made is scrubbed from whatever error leaves the request.
 */
import { checkHeaders } from './provider-connection.js'
import { scrubError } from './scrub-error.js'
import type { AttemptSigner, SendOptions } from './send-request.js'
import type { TransportResponse } from './transport.js'

export async function sendSigned(
  options: SendOptions,
  send: (options: SendOptions, signer: AttemptSigner) => Promise<TransportResponse>,
): Promise<TransportResponse> {
  const sign = options.sign as NonNullable<SendOptions['sign']>
  const signatures: string[] = []
  const signAttempt = async (url: string, headers: Record<string, string>) => {
    const signed = checkHeaders(await sign({ method: options.method, url, headers, body: options.body }), 'auth.sign')
    const values = Object.values(signed).filter((value) => value.length >= 4)
    signatures.push(...values)
    const redact = (text: string): string => {
      for (const value of values) text = text.split(value).join('***')
      return options.redact(text)
    }
    return {
      headers: { ...headers, ...signed },
      options: { ...options, redact, secretHeaders: [...options.secretHeaders, ...Object.keys(signed)] },
    }
  }
  const signer: AttemptSigner = Object.assign(signAttempt, { signatures })
  try {
    return await send(options, signer)
  } catch (error) {
    throw await scrubError(error, signatures)
  }
}
