/**
 * The interactive `tokenjs chat`: a conversation kept across turns, slash commands, Ctrl-C that stops
 * the answer (not the session), and input typed during an answer held back until the answer ends
 * (readline keeps reading keys, so Ctrl-C still arrives, but echoes nothing until the prompt returns).
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import type { TokenJS } from '../client.js'
import { closestName } from '../core/closest-name.js'
import type { ChatCompletionContentPart, ChatCompletionMessageParam } from '../types.js'
import { runTurn, userMessage, type ChatSettings } from './chat.js'
import { paint } from './terminal.js'

export const SESSION_HELP = `Commands:
  /help             this list
  /model [id]       show the model, or switch to another (the conversation is kept)
  /system [text]    show the system prompt, or set it (/system off removes it)
  /clear            forget the conversation (the system prompt stays)
  /save [file]      write the conversation as JSON (default: tokenjs-chat-<time>.json)
  /exit, /quit      leave (also Ctrl-D, or Ctrl-C twice at an empty prompt)
Ctrl-C during an answer stops it and keeps the conversation. Start a line with // to send a
message that begins with /.`

const COMMANDS = ['/help', '/model', '/system', '/clear', '/save', '/exit', '/quit']

interface Line {
  readonly text: string
  /** Typed while an answer was streaming (not echoed then). */
  readonly held: boolean
}

/** stdout for readline, with a switch that swallows its echo while an answer is printed. */
function holdableOutput(target: NodeJS.WriteStream): { stream: Writable; hold: (on: boolean) => void } {
  let held = false
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!held) target.write(chunk)
      done()
    },
  })
  Object.defineProperties(stream, {
    isTTY: { value: true },
    columns: { get: () => target.columns },
    rows: { get: () => target.rows },
  })
  target.on('resize', () => stream.emit('resize'))
  return { stream, hold: (on) => (held = on) }
}

export async function interactiveChat(
  tokenjs: TokenJS,
  settings: ChatSettings,
  history: ChatCompletionMessageParam[],
  attachments: ChatCompletionContentPart[],
): Promise<number> {
  const output = holdableOutput(process.stdout)
  const rl = createInterface({ input: process.stdin, output: output.stream, terminal: true, historySize: 200 })
  const status = (text: string): void => void process.stderr.write(`${paint('dim', text, process.stderr)}\n`)
  status(`tokenjs chat · ${settings.provider.id} · ${settings.model} · /help for commands, /exit or Ctrl-D to quit`)

  const queue: Line[] = []
  let wake: (() => void) | undefined
  // Set by readline's callbacks while the loop awaits: an object, so the loop reads the current value.
  const ended = { closed: false, byInterrupt: false }
  let busy = false
  let controller: AbortController | undefined
  let armed = false // a Ctrl-C at an empty prompt: the next one quits
  rl.on('line', (text: string) => {
    queue.push({ text, held: busy })
    wake?.()
  })
  rl.on('close', () => {
    ended.closed = true
    wake?.()
  })
  rl.on('SIGINT', () => {
    if (controller !== undefined) return controller.abort()
    if (rl.line !== '') {
      // Like a shell: Ctrl-C drops the line being typed.
      process.stdout.write('\n')
      rl.write(null, { ctrl: true, name: 'e' })
      rl.write(null, { ctrl: true, name: 'u' })
      rl.prompt()
      return
    }
    if (armed) {
      ended.byInterrupt = true
      return rl.close()
    }
    armed = true
    process.stdout.write('\n')
    status('(Ctrl-C again, Ctrl-D or /exit to quit)')
    rl.prompt()
  })
  const nextLine = async (): Promise<Line | undefined> => {
    while (queue.length === 0 && !ended.closed) await new Promise<void>((done) => (wake = done))
    return queue.shift()
  }

  const prompt = paint('bold', paint('cyan', '> '))
  rl.setPrompt(prompt)
  rl.prompt()
  let pending = attachments
  try {
    for (let line = await nextLine(); line !== undefined; line = await nextLine()) {
      armed = false
      if (line.held) process.stdout.write(`${prompt}${line.text}\n`)
      const text = line.text.trim()
      if (text.startsWith('/') && !text.startsWith('//')) {
        if ((await slashCommand(text, settings, history, status)) === 'exit') break
      } else if (text !== '') {
        history.push(userMessage(text.startsWith('//') ? text.slice(1) : text, pending))
        pending = []
        controller = new AbortController()
        busy = true
        output.hold(true)
        try {
          if ((await runTurn(tokenjs, settings, history, controller.signal)) === 'interrupted') {
            status('(stopped; the conversation is kept)')
          }
        } catch (error) {
          // One failed turn does not end the session: say why, forget the question, carry on.
          history.pop()
          process.stderr.write(`${paint('red', 'error:', process.stderr)} ${(error as Error).message}\n`)
        } finally {
          controller = undefined
          busy = false
          output.hold(false)
        }
      }
      if (ended.closed && queue.length === 0) break
      rl.prompt(true)
    }
  } finally {
    rl.close()
  }
  if (ended.byInterrupt) {
    process.stdout.write('\n')
    return 130
  }
  return 0
}

type Status = (text: string) => void

async function slashCommand(
  line: string,
  settings: ChatSettings,
  history: ChatCompletionMessageParam[],
  status: Status,
): Promise<'exit' | 'continue'> {
  const [command = '', ...words] = line.split(/\s+/)
  const rest = line.slice(command.length).trim()
  switch (command) {
    case '/exit':
    case '/quit':
      return 'exit'
    case '/help':
      process.stdout.write(`${SESSION_HELP}\n`)
      break
    case '/model':
      changeModel(words[0], settings, status)
      break
    case '/system':
      setSystem(rest, history, status)
      break
    case '/clear': {
      const system = history[0]?.role === 'system' ? history.slice(0, 1) : []
      history.splice(0, history.length, ...system)
      status(`(conversation cleared${system.length > 0 ? '; the system prompt stays' : ''})`)
      break
    }
    case '/save':
      await save(rest, settings, history, status)
      break
    default: {
      const suggestion = closestName(command, COMMANDS)
      status(
        `Unknown command ${command}${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}; /help lists them, // sends a line starting with /.`,
      )
    }
  }
  return 'continue'
}

function changeModel(model: string | undefined, settings: ChatSettings, status: Status): void {
  if (model === undefined) return status(`model: ${settings.model} (${settings.provider.id})`)
  const known = settings.provider.currentModels
  settings.model = model
  if (known.length > 0 && !known.includes(model)) {
    const suggestion = closestName(model, known)
    return status(
      `model: ${model} — not a current ${settings.provider.displayName} model in token.js's table` +
        `${suggestion === undefined ? '' : ` (did you mean ${suggestion}?)`}; it is sent as it is.`,
    )
  }
  status(`model: ${model}`)
}

function setSystem(text: string, history: ChatCompletionMessageParam[], status: Status): void {
  const current = history[0]?.role === 'system' ? history[0] : undefined
  if (text === '') {
    return status(
      current === undefined
        ? '(no system prompt)'
        : `system: ${typeof current.content === 'string' ? current.content : current.content.map((part) => part.text).join('')}`,
    )
  }
  if (current !== undefined) history.shift()
  if (text === 'off') return status('(system prompt removed)')
  history.unshift({ role: 'system', content: text })
  status('(system prompt set)')
}

async function save(
  given: string,
  settings: ChatSettings,
  history: ChatCompletionMessageParam[],
  status: Status,
): Promise<void> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
  const file = resolve(given === '' ? `tokenjs-chat-${stamp}.json` : given)
  const conversation = { provider: settings.provider.id, model: settings.model, messages: history }
  try {
    await writeFile(file, `${JSON.stringify(conversation, null, 2)}\n`)
    status(`(saved ${history.length} messages to ${file})`)
  } catch (error) {
    status(`Could not save to ${file}: ${(error as Error).message}`)
  }
}
