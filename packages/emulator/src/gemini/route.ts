/** Maps a method and URL to a Gemini emulator route: the model and the action live in the path. */

export type GeminiRouteMatch =
  | { readonly kind: 'action'; readonly model: string; readonly action: string; readonly query: URLSearchParams }
  | { readonly kind: 'list-models'; readonly query: URLSearchParams }
  | { readonly kind: 'get-model'; readonly model: string; readonly query: URLSearchParams }
  | { readonly kind: 'preflight' }
  | { readonly kind: 'unknown' }

const ACTIONS = ['generateContent', 'streamGenerateContent', 'embedContent', 'batchEmbedContents', 'countTokens']

export function routeGemini(method: string, rawUrl: string): GeminiRouteMatch {
  if (method === 'OPTIONS') return { kind: 'preflight' }
  const url = new URL(rawUrl, 'http://emulator.invalid')
  const match = /^\/(v1beta|v1)\/models(?:\/([^/:]+)(?::([A-Za-z]+))?)?\/?$/.exec(url.pathname)
  if (match === null) return { kind: 'unknown' }
  const model = match[2] === undefined ? undefined : decodeURIComponent(match[2])
  const action = match[3]
  if (model === undefined)
    return method === 'GET' ? { kind: 'list-models', query: url.searchParams } : { kind: 'unknown' }
  if (action === undefined)
    return method === 'GET' ? { kind: 'get-model', model, query: url.searchParams } : { kind: 'unknown' }
  if (method !== 'POST' || !ACTIONS.includes(action)) return { kind: 'unknown' }
  return { kind: 'action', model, action, query: url.searchParams }
}

/** Google's front end answers unknown URLs with an HTML page, not JSON. */
export function notFoundPage(path: string): string {
  return `<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>${path.replace(/[<>&]/g, '')}</code> was not found on this server.  <ins>That’s all we know.</ins>\n`
}
