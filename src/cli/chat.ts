/**
 * `tokenjs chat`: one prompt (argument or piped stdin) streamed to stdout, or an interactive
 * conversation (session.ts) when no prompt is given on a terminal. Usage and timing go to stderr, so
 * stdout holds only the answer. Ctrl-C stops a one-shot answer and exits 130.
 */
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { TokenJS } from '../client.js'
import { closestName } from '../core/closest-name.js'
import { APIUserAbortError, isTokenJSError } from '../errors.js'
import { listProviders, type ProviderSummary } from '../providers/index.js'
import type { ChatCompletionContentPart, ChatCompletionMessageParam, CompletionUsage } from '../types.js'
import { describeError } from './describe-error.js'
import { parseOptions } from './parse-options.js'
import { interactiveChat } from './session.js'
import { CliError, isTerminal, paint } from './terminal.js'

export const DEFAULT_PROVIDER = 'mistral'
/** Models used without -m (a small, cheap current model); other providers need -m. */
const DEFAULT_MODELS: Readonly<Record<string, string>> = { mistral: 'mistral-small-latest' }
export const DEFAULT_MODEL = DEFAULT_MODELS[DEFAULT_PROVIDER] as string

export const CHAT_HELP = `Usage: tokenjs chat [options] [prompt...]

Sends a prompt to a model and streams the answer to stdout. The prompt comes from the
arguments, else from stdin when it is piped; with neither, on a terminal, starts an
interactive chat (history kept; /help lists its commands, /exit or Ctrl-D quits).

Options:
  -p, --provider <id>      provider (default ${DEFAULT_PROVIDER}): ${listProviders()
    .map((provider) => provider.id)
    .join(', ')}
  -m, --model <id>         model id (default ${DEFAULT_MODEL} for Mistral; see tokenjs models)
  -s, --system <text>      system prompt
  -t, --temperature <n>    sampling temperature (Mistral: 0 to 1.5)
      --max-tokens <n>     maximum tokens to generate
      --json               ask for a JSON object (response_format json_object)
      --image <path>       attach an image (png, jpg, gif, webp); repeatable
      --file <path.pdf>    attach a PDF document; repeatable
      --no-stream          wait for the whole answer instead of streaming it
  -h, --help               show this help

Keys: the provider's variable (MISTRAL_API_KEY, OPENAI_API_KEY, …; base URL: MISTRAL_BASE_URL, …)
from the environment or ./.env.
Usage and timing are printed on stderr. Ctrl-C stops the answer (one-shot: exit 130;
interactive: back to the prompt, conversation kept).

Examples:
  tokenjs chat "Write a haiku about the sea"
  git diff | tokenjs chat -s "Review this diff" -m mistral-large-latest
  tokenjs chat -p openai -m gpt-5.5 "Hello"
  tokenjs chat --image photo.png "What is in this picture?"`

const CHAT_OPTIONS = {
  provider: { type: 'string', short: 'p' },
  model: { type: 'string', short: 'm' },
  system: { type: 'string', short: 's' },
  temperature: { type: 'string', short: 't' },
  'max-tokens': { type: 'string' },
  json: { type: 'boolean' },
  image: { type: 'string', multiple: true },
  file: { type: 'string', multiple: true },
  'no-stream': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
}

export interface ChatSettings {
  readonly provider: ProviderSummary
  model: string
  readonly temperature: number | undefined
  readonly maxTokens: number | undefined
  readonly json: boolean
  readonly stream: boolean
}

export async function chatCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('chat', argv, CHAT_OPTIONS, true)
  if (values.help === true) {
    process.stdout.write(`${CHAT_HELP}\n`)
    return 0
  }
  const provider = resolveProvider(values.provider ?? DEFAULT_PROVIDER)
  const settings: ChatSettings = {
    provider,
    model: values.model ?? defaultModel(provider),
    temperature: toNumber(values.temperature, '--temperature'),
    maxTokens: toInteger(values['max-tokens'], '--max-tokens'),
    json: values.json === true,
    stream: values['no-stream'] !== true,
  }
  const attachments = [
    ...(await Promise.all((values.image ?? []).map(imagePart))),
    ...(await Promise.all((values.file ?? []).map(documentPart))),
  ]
  let prompt = positionals.join(' ')
  const interactive = prompt === '' && isTerminal(process.stdin)
  if (prompt === '' && !interactive) prompt = (await readStdin()).trim()
  if (prompt === '' && !interactive) throw new CliError('No prompt: pass one as an argument or pipe it on stdin.', 2)
  checkConnectionSettings(provider)

  const tokenjs = new TokenJS()
  const history: ChatCompletionMessageParam[] = []
  if (values.system !== undefined) history.push({ role: 'system', content: values.system })
  if (interactive) return interactiveChat(tokenjs, settings, history, attachments)
  history.push(userMessage(prompt, attachments))
  const controller = new AbortController()
  const onSigint = (): void => controller.abort()
  process.on('SIGINT', onSigint)
  try {
    const outcome = await runTurn(tokenjs, settings, history, controller.signal)
    return outcome === 'interrupted' ? 130 : 0
  } finally {
    process.off('SIGINT', onSigint)
  }
}

function resolveProvider(id: string): ProviderSummary {
  const all = listProviders()
  const provider = all.find((candidate) => candidate.id === id)
  if (provider === undefined) {
    const suggestion = closestName(
      id,
      all.map((candidate) => candidate.id),
    )
    throw new CliError(
      `Unknown provider '${id}'${suggestion === undefined ? '.' : `; did you mean '${suggestion}'?`} ` +
        `Providers: ${all.map((candidate) => candidate.id).join(', ')}.`,
      2,
    )
  }
  if (provider.unavailable !== undefined) throw new CliError(provider.unavailable, 2)
  return provider
}

function defaultModel(provider: ProviderSummary): string {
  const model = DEFAULT_MODELS[provider.id]
  if (model !== undefined) return model
  const some = provider.currentModels.slice(0, 3).join(', ')
  throw new CliError(`--provider ${provider.id} needs a model: -m <id>${some === '' ? '' : ` (e.g. ${some})`}.`, 2)
}

/** The key and URL the client will need, checked first so the advice names the CLI's ways to set them. */
function checkConnectionSettings(provider: ProviderSummary): void {
  const key = process.env[provider.apiKeyEnvVar]
  if (!provider.apiKeyOptional && (key === undefined || key === '')) {
    const emulator = provider.id === 'mistral' ? ' (or run tokenjs emulator and use its URL and key)' : ''
    throw new CliError(`${provider.apiKeyEnvVar} is not set: put it in the environment or in ./.env${emulator}.`)
  }
  const url = process.env[provider.baseURLEnvVar]
  if (provider.defaultBaseURL === undefined && (url === undefined || url === '')) {
    throw new CliError(`${provider.id} has no default URL: set ${provider.baseURLEnvVar} (environment or ./.env).`)
  }
}

/**
 * Sends the conversation and prints the answer (streamed or whole). The answer, or the part printed
 * before an interrupt, is appended to `history`. API errors become one-line CliErrors naming the
 * provider's variables.
 */
export async function runTurn(
  tokenjs: TokenJS,
  settings: ChatSettings,
  history: ChatCompletionMessageParam[],
  signal: AbortSignal,
): Promise<'done' | 'interrupted'> {
  const started = performance.now()
  const params = {
    provider: settings.provider.id,
    model: settings.model,
    messages: history,
    ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
    ...(settings.maxTokens === undefined ? {} : { max_tokens: settings.maxTokens }),
    ...(settings.json ? { response_format: { type: 'json_object' as const } } : {}),
  }
  let text = ''
  let usage: CompletionUsage | undefined
  let firstTokenMs: number | undefined
  let thinking = false
  try {
    if (settings.stream) {
      const stream = await tokenjs.chat.completions.create({ ...params, stream: true }, { signal })
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta
        if (delta?.reasoning_content) {
          if (!thinking) process.stderr.write(paint('dim', 'thinking: ', process.stderr))
          thinking = true
          process.stderr.write(paint('dim', delta.reasoning_content, process.stderr))
        }
        if (delta?.content) {
          if (thinking) process.stderr.write('\n')
          thinking = false
          firstTokenMs ??= performance.now() - started
          text += delta.content
          process.stdout.write(delta.content)
        }
        if (chunk.usage) usage = chunk.usage
      }
    } else {
      const completion = await tokenjs.chat.completions.create(params, { signal })
      const message = completion.choices[0]?.message
      if (message?.reasoning_content)
        process.stderr.write(paint('dim', `thinking: ${message.reasoning_content}\n`, process.stderr))
      text = message?.content ?? ''
      usage = completion.usage
      process.stdout.write(text)
    }
  } catch (error) {
    if (error instanceof APIUserAbortError || signal.aborted) {
      if (text !== '') {
        process.stdout.write('\n')
        history.push({ role: 'assistant', content: text })
      }
      return 'interrupted'
    }
    if (isTokenJSError(error)) throw new CliError(describeError(error, 'chat', settings.provider))
    throw error
  }
  if (!text.endsWith('\n')) process.stdout.write('\n')
  history.push({ role: 'assistant', content: text })
  process.stderr.write(
    `${paint('dim', statsLine(settings.model, usage, performance.now() - started, firstTokenMs), process.stderr)}\n`,
  )
  return 'done'
}

function statsLine(
  model: string,
  usage: CompletionUsage | undefined,
  totalMs: number,
  firstTokenMs: number | undefined,
): string {
  const parts = [model]
  if (usage !== undefined) parts.push(`${usage.prompt_tokens} prompt + ${usage.completion_tokens} completion tokens`)
  parts.push(`${(totalMs / 1000).toFixed(2)} s`)
  if (firstTokenMs !== undefined) parts.push(`first token ${(firstTokenMs / 1000).toFixed(2)} s`)
  return `[${parts.join(' · ')}]`
}

export function userMessage(
  text: string,
  attachments: readonly ChatCompletionContentPart[],
): ChatCompletionMessageParam {
  if (attachments.length === 0) return { role: 'user', content: text }
  return { role: 'user', content: [{ type: 'text', text }, ...attachments] }
}

async function imagePart(path: string): Promise<ChatCompletionContentPart> {
  const type = IMAGE_TYPES[extname(path).toLowerCase()]
  if (type === undefined) throw new CliError(`--image ${path}: expected a .png, .jpg, .jpeg, .gif or .webp file.`, 2)
  const bytes = await readAttachment(path, '--image')
  return { type: 'image_url', image_url: { url: `data:${type};base64,${bytes.toString('base64')}` } }
}

async function documentPart(path: string): Promise<ChatCompletionContentPart> {
  if (extname(path).toLowerCase() !== '.pdf') throw new CliError(`--file ${path}: only PDF documents are supported.`, 2)
  const bytes = await readAttachment(path, '--file')
  const name = path.split(/[\\/]/).pop() ?? path
  return {
    type: 'file',
    file: { filename: name, file_data: `data:application/pdf;base64,${bytes.toString('base64')}` },
  }
}

async function readAttachment(path: string, flag: string): Promise<Buffer> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new CliError(`${flag} ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, 2)
  }
}

async function readStdin(): Promise<string> {
  let text = ''
  process.stdin.setEncoding('utf8')
  for await (const chunk of process.stdin) text += chunk as string
  return text
}

function toNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value)) throw new CliError(`${flag} expects a number, got '${text}'.`, 2)
  return value
}

function toInteger(text: string | undefined, flag: string): number | undefined {
  const value = toNumber(text, flag)
  if (value !== undefined && (!Number.isInteger(value) || value < 1))
    throw new CliError(`${flag} expects a positive integer, got '${text}'.`, 2)
  return value
}
