/** Mistral's `GET /models` (`models.list`): loaded on demand by `mistralProvider.modelList()` (its own chunk). */
import type { ProviderModelList } from '../../core/provider-adapter.js'
import { fromMistralModelList } from './model-list-response.js'

export const mistralModelList = {
  path: '/models',
  fromResponse: fromMistralModelList,
} as const satisfies ProviderModelList
