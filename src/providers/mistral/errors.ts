/** Mistral error bodies: the shared parser handles every shape Mistral sends (mistral-api.md §2.3). */
export { parseErrorBody as parseMistralError } from '../shared/error-body.js'
