/** The transport part of a Gemini script, for the kit's fault runner (`gemini-reply` only changes the answer). */
import type { ScriptedReply } from '../emulator-types.js'
import type { GeminiScript } from './types.js'

export function faultOf(script: GeminiScript | undefined): ScriptedReply | undefined {
  if (script === undefined || script.kind === 'gemini-reply') return undefined
  // Only `route` differs (Gemini's route names), and the fault runner does not read it.
  return script as ScriptedReply
}
