import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { TokenJS } from 'token.js'

// Any OpenTelemetry tracer (and meter): here the SDK's in-memory exporter, in an app your exporter of choice.
// Without a tracer, `telemetry: true` uses the global providers of @opentelemetry/api.
const exporter = new InMemorySpanExporter()
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
const tokenjs = new TokenJS({ telemetry: { tracer: provider.getTracer('my-app') } })

await tokenjs.chat.completions.create({
  provider: 'mistral',
  model: 'mistral-small-latest',
  messages: [{ role: 'user', content: 'Hi!' }],
  max_tokens: 50,
})

const [span] = exporter.getFinishedSpans()
console.log(`span: ${span?.name}`)
for (const name of ['gen_ai.provider.name', 'gen_ai.request.max_tokens', 'gen_ai.usage.output_tokens']) {
  console.log(`${name}: ${String(span?.attributes[name])}`)
}
