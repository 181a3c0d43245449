/**
 * `models.list({ provider })`: the provider's own model list in OpenAI's shape, with token.js
 * capabilities. Loaded on first use (client.ts imports it dynamically), like the provider's mapping.
 */
import { InputError } from '../errors.js'
import type { ModelsPage } from '../types.js'
import type { RequestOptions } from './client-options.js'
import { callProvider, readJsonBody, resolveProvider } from './lazy-pipeline-helpers.js'
import type { ClientInternals } from './client-internals.js'
import { addResultMetadata, type RawCall } from './api-promise.js'
import { isObserved, observeCall } from './observation.js'

export async function runListModels(
  client: ClientInternals,
  params: unknown,
  requestOptions: RequestOptions | undefined,
  raw?: RawCall,
): Promise<ModelsPage> {
  const { record, provider } = resolveProvider(client, params, 'models.list', 'a provider')
  const extra = Object.keys(record).find((key) => key !== 'provider' && record[key] !== undefined)
  if (extra !== undefined) throw new InputError(`models.list() takes only { provider }; remove '${extra}'.`, extra)
  const loadModelList = provider.modelList
  if (loadModelList === undefined)
    throw new InputError(`token.js cannot list ${provider.displayName}'s models.`, 'provider')
  const connection = client.connection(provider)
  const modelList = await loadModelList()
  const options = requestOptions ?? {}
  const observer = isObserved(client, options)
    ? await observeCall(client, options, 'list_models', { provider, connection, stream: false, record })
    : undefined
  const exchange = observer?.exchange(undefined)
  let page: ModelsPage
  try {
    const response = await callProvider({
      client,
      provider,
      connection,
      method: 'GET',
      path: modelList.path,
      body: undefined,
      stream: false,
      options,
      raw,
      observer: exchange,
    })
    const body = await readJsonBody(response, provider, connection, raw)
    page = modelList.fromResponse(body.json, body.raw, { provider: provider.id })
    exchange?.response(response, page, true)
  } catch (error) {
    await observer?.fail(error)
    throw error
  }
  client.rememberModels?.(provider, page)
  if (raw !== undefined) addResultMetadata(page, raw)
  return page
}
