/** A 400/404 produced after the 422 layer: status plus Mistral's message, type and code. */
export interface SemanticError {
  readonly status: number
  readonly message: string
  readonly type: string
  readonly code: string
}

export function messageOrderError(message: string): SemanticError {
  return { status: 400, message, type: 'invalid_request_message_order', code: '3230' }
}

export function invalidArgsError(message: string): SemanticError {
  return { status: 400, message, type: 'invalid_request_invalid_args', code: '3051' }
}

/** A model that exists but cannot serve this endpoint (e.g. an embedding model asked to chat). Wording assumed. */
export function notAChatModel(model: string): SemanticError {
  return invalidArgsError(`Model ${model} does not support chat completions.`)
}
