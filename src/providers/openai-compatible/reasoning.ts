/**
 * Reasoning text has several names across OpenAI-compatible servers: `reasoning_content` (DeepSeek,
 * llama.cpp, older vLLM), `reasoning` (OpenRouter, Groq, Ollama, vLLM since vllm-project/vllm#27752;
 * langchain-ai/langchain#35059 shows clients meeting both).
 * token.js exposes it as `reasoning_content` everywhere.
 */
export function readReasoning(source: Record<string, unknown>): string | undefined {
  const value = source.reasoning_content ?? source.reasoning
  return typeof value === 'string' && value !== '' ? value : undefined
}
