/** Mistral error bodies: the shared parser handles every shape Mistral sends (see ../shared/error-body.ts). */
export { parseErrorBody as parseMistralError } from '../shared/error-body.js'
