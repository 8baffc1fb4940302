// A readable page of the API for people (/api/docs), rendered on the server from
// the OpenAPI document: no script, nothing fetched from elsewhere.

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface Operation {
  summary?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

export function apiDocsPage(doc: { info: { title: string; version: string; description: string }; paths: Record<string, Record<string, Operation>> }): string {
  const sections = Object.entries(doc.paths)
    .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })))
    .map(({ path, method, op }) => {
      const params = (op.parameters ?? []).map((p) => `<code>${escape(p.name)}</code> (${p.in}${p.required ? ', required' : ''})`).join(', ');
      const body = op.requestBody ? Object.entries(op.requestBody.content)[0] : undefined;
      const ok = Object.entries(op.responses).find(([status]) => status.startsWith('2'));
      const okSchema = ok?.[1].content?.['application/json']?.schema;
      return `<section>
  <h2><span class="m m-${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code></h2>
  <p>${escape(op.summary ?? '')}</p>
  ${params ? `<p>Parameters: ${params}</p>` : ''}
  ${body ? `<details><summary>Request body (${escape(body[0])})</summary><pre>${escape(JSON.stringify(body[1].schema, null, 2))}</pre></details>` : ''}
  ${okSchema ? `<details><summary>Response ${ok![0]}</summary><pre>${escape(JSON.stringify(okSchema, null, 2))}</pre></details>` : ok ? `<p>Response ${ok[0]}: no content</p>` : ''}
</section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(doc.info.title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430;line-height:1.45}
h2{font-size:1rem;margin:1.5rem 0 .25rem}section{border-top:1px solid #d5dae2}pre{background:#f4f6f9;padding:.75rem;overflow:auto;font-size:.8rem}
.m{display:inline-block;min-width:4.5em;padding:0 .4em;border-radius:3px;color:#fff;font-size:.8rem;text-align:center}
.m-get{background:#1f6f3f}.m-post{background:#1f5fbf}.m-patch{background:#8a5a00}.m-delete{background:#b3261e}
</style></head><body>
<h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>
<p>${escape(doc.info.description)} Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a>.</p>
${sections}
</body></html>`;
}
