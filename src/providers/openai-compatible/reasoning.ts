/**
 * Reasoning text has several names across OpenAI-compatible servers (openai-compatible.md §4.10):
 * `reasoning_content` (DeepSeek, llama.cpp, older vLLM), `reasoning` (OpenRouter, Groq, Ollama, vLLM).
 * token.js exposes it as `reasoning_content` everywhere.
 */
export function readReasoning(source: Record<string, unknown>): string | undefined {
  const value = source.reasoning_content ?? source.reasoning
  return typeof value === 'string' && value !== '' ? value : undefined
}
