/** Maps method + path to one of the emulator's routes. */

export type RouteMatch =
  | { readonly kind: 'preflight' }
  | { readonly kind: 'chat' }
  | { readonly kind: 'embeddings' }
  | { readonly kind: 'fim' }
  | { readonly kind: 'models' }
  | { readonly kind: 'model'; readonly id: string }
  | { readonly kind: 'method-not-allowed' }
  | { readonly kind: 'not-found' }

function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

type PostRoute = 'chat' | 'embeddings' | 'fim'

const POST_ROUTES: Readonly<Record<string, PostRoute>> = {
  '/v1/chat/completions': 'chat',
  '/v1/embeddings': 'embeddings',
  '/v1/fim/completions': 'fim',
}

function byPath(pathname: string): { kind: PostRoute | 'models' } | { kind: 'model'; id: string } | undefined {
  const post = Object.hasOwn(POST_ROUTES, pathname) ? POST_ROUTES[pathname] : undefined
  if (post !== undefined) return { kind: post }
  if (pathname === '/v1/models') return { kind: 'models' }
  const match = /^\/v1\/models\/([^/]+)$/.exec(pathname)
  const id = match?.[1] === undefined ? undefined : decodeSegment(match[1])
  return id === undefined ? undefined : { kind: 'model', id }
}

export function routeRequest(method: string, url: string): RouteMatch {
  if (method === 'OPTIONS') return { kind: 'preflight' }
  const pathname = url.split('?')[0] ?? ''
  const route = byPath(pathname)
  if (route === undefined) return { kind: 'not-found' }
  const expected = route.kind === 'models' || route.kind === 'model' ? 'GET' : 'POST'
  if (method !== expected && !(expected === 'GET' && method === 'HEAD')) return { kind: 'method-not-allowed' }
  return route
}
