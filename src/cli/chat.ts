/**
 * `tokenjs chat`: one prompt (argument or piped stdin) streamed to stdout, or an interactive
 * conversation when no prompt is given on a terminal. Usage and timing go to stderr, so stdout
 * holds only the answer. Ctrl-C aborts the request, prints a newline and exits 130.
 */
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { TokenJS } from '../client.js'
import { APIUserAbortError } from '../errors.js'
import type { ChatCompletionContentPart, ChatCompletionMessageParam, CompletionUsage } from '../types.js'
import { CliError, paint } from './terminal.js'

export const DEFAULT_MODEL = 'mistral-small-latest'

export const CHAT_HELP = `Usage: tokenjs chat [options] [prompt...]

Sends a prompt to a model and streams the answer to stdout. The prompt comes from the
arguments, else from stdin when it is piped; with neither, on a terminal, starts an
interactive chat (history kept; /exit or Ctrl-D to quit).

Options:
  -m, --model <id>         model id (default ${DEFAULT_MODEL}; see tokenjs models)
  -s, --system <text>      system prompt
  -t, --temperature <n>    sampling temperature (Mistral: 0 to 1.5)
      --max-tokens <n>     maximum tokens to generate
      --json               ask for a JSON object (response_format json_object)
      --image <path>       attach an image (png, jpg, gif, webp); repeatable
      --file <path.pdf>    attach a PDF document; repeatable
      --no-stream          wait for the whole answer instead of streaming it
  -h, --help               show this help

Keys: MISTRAL_API_KEY (and MISTRAL_BASE_URL) from the environment or ./.env.
Usage and timing are printed on stderr. Ctrl-C stops the answer (exit 130).

Examples:
  tokenjs chat "Write a haiku about the sea"
  git diff | tokenjs chat -s "Review this diff" -m mistral-large-latest
  tokenjs chat --image photo.png "What is in this picture?"`

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
}

interface ChatSettings {
  readonly model: string
  readonly temperature: number | undefined
  readonly maxTokens: number | undefined
  readonly json: boolean
  readonly stream: boolean
}

/** Thrown when the user pressed Ctrl-C. */
class Interrupted extends Error {}

export async function chatCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      model: { type: 'string', short: 'm' },
      system: { type: 'string', short: 's' },
      temperature: { type: 'string', short: 't' },
      'max-tokens': { type: 'string' },
      json: { type: 'boolean' },
      image: { type: 'string', multiple: true },
      file: { type: 'string', multiple: true },
      'no-stream': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) {
    process.stdout.write(`${CHAT_HELP}\n`)
    return 0
  }
  const settings: ChatSettings = {
    model: values.model ?? DEFAULT_MODEL,
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
  const interactive = prompt === '' && process.stdin.isTTY === true
  if (prompt === '' && !interactive) prompt = (await readStdin()).trim()
  if (prompt === '' && !interactive) throw new CliError('No prompt: pass one as an argument or pipe it on stdin.', 2)
  if (process.env.MISTRAL_API_KEY === undefined || process.env.MISTRAL_API_KEY === '') {
    throw new CliError(
      'MISTRAL_API_KEY is not set: put it in the environment or in ./.env (or run tokenjs emulator and use its URL and key).',
    )
  }

  const tokenjs = new TokenJS()
  const history: ChatCompletionMessageParam[] = []
  if (values.system !== undefined) history.push({ role: 'system', content: values.system })
  if (!interactive) {
    history.push(userMessage(prompt, attachments))
    return withInterrupt((signal) => runTurn(tokenjs, settings, history, signal))
  }
  return interactiveChat(tokenjs, settings, history, attachments)
}

async function interactiveChat(
  tokenjs: TokenJS,
  settings: ChatSettings,
  history: ChatCompletionMessageParam[],
  attachments: ChatCompletionContentPart[],
): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true, historySize: 200 })
  process.stderr.write(paint('dim', `tokenjs chat · ${settings.model} · /exit or Ctrl-D to quit\n`, process.stderr))
  let controller: AbortController | undefined
  let interruptedAtPrompt = false
  rl.on('SIGINT', () => {
    if (controller !== undefined) controller.abort()
    else {
      interruptedAtPrompt = true
      rl.close()
    }
  })
  const prompt = paint('bold', paint('cyan', '> '))
  rl.setPrompt(prompt)
  rl.prompt()
  let pending = attachments
  try {
    for await (const line of rl) {
      const text = line.trim()
      if (text === '/exit' || text === '/quit') break
      if (text !== '') {
        history.push(userMessage(text, pending))
        pending = []
        controller = new AbortController()
        try {
          await runTurn(tokenjs, settings, history, controller.signal)
        } catch (error) {
          if (error instanceof Interrupted) {
            process.stdout.write('\n')
            return 130
          }
          throw error
        } finally {
          controller = undefined
        }
      }
      rl.prompt()
    }
  } finally {
    rl.close()
  }
  if (interruptedAtPrompt) {
    process.stdout.write('\n')
    return 130
  }
  return 0
}

/** Runs `turn` with Ctrl-C wired to its abort signal; maps an interrupt to exit code 130. */
async function withInterrupt(turn: (signal: AbortSignal) => Promise<void>): Promise<number> {
  const controller = new AbortController()
  const onSigint = (): void => controller.abort()
  process.on('SIGINT', onSigint)
  try {
    await turn(controller.signal)
    return 0
  } catch (error) {
    if (error instanceof Interrupted) {
      process.stdout.write('\n')
      return 130
    }
    throw error
  } finally {
    process.off('SIGINT', onSigint)
  }
}

/** Sends the conversation, prints the answer (streamed or whole) and appends it to `history`. */
async function runTurn(
  tokenjs: TokenJS,
  settings: ChatSettings,
  history: ChatCompletionMessageParam[],
  signal: AbortSignal,
): Promise<void> {
  const started = performance.now()
  const params = {
    provider: 'mistral' as const,
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
    if (error instanceof APIUserAbortError || signal.aborted) throw new Interrupted()
    throw error
  }
  if (!text.endsWith('\n')) process.stdout.write('\n')
  history.push({ role: 'assistant', content: text })
  process.stderr.write(
    `${paint('dim', statsLine(settings.model, usage, performance.now() - started, firstTokenMs), process.stderr)}\n`,
  )
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

function userMessage(text: string, attachments: readonly ChatCompletionContentPart[]): ChatCompletionMessageParam {
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
