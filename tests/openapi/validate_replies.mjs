// The OpenAPI document tells the truth: every reply the unit tests' API calls produced
// (core_unit writes them, grouped by route and status: tests/unit/reply_samples.hpp) is
// validated against the document's schema for that route and status with Ajv.
//
// Objects are held closed: a schema that lists properties and says nothing of others
// gets unevaluatedProperties: false here, so a field core adds without documenting it is
// found, as is one the document promises and core no longer sends (where `required`).
//
//   node validate_replies.mjs build/openapi.json build/reply_samples.jsonl
import { readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const [documentFile, samplesFile] = process.argv.slice(2);
if (!documentFile || !samplesFile) {
  console.error('usage: node validate_replies.mjs OPENAPI.json REPLY_SAMPLES.jsonl');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(documentFile, 'utf8'));
const samples = readFileSync(samplesFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

// OpenAPI 3.0's `nullable: true` in JSON Schema terms: null joins the type (and the
// enum); beside a $ref or a composition, which have no type, the schema becomes
// "this or null".
function nullable(schema) {
  if (Array.isArray(schema)) return schema.map(nullable);
  if (!schema || typeof schema !== 'object') return schema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, nullable(v)]));
  if (out.nullable !== true) return out;
  delete out.nullable;
  if (out.type) {
    out.type = [out.type, 'null'];
    if (out.enum) out.enum = [...out.enum, null];
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}
doc.components = nullable(doc.components ?? {});
doc.paths = nullable(doc.paths);

// Closes every object schema (see the top). A member of allOf stays open: the whole it
// belongs to is closed instead, so the members' properties add up. A named schema is
// closed by a wrapper around an open copy (X__open), which is what allOf members use.
const isObjectSchema = (schema) => schema && typeof schema === 'object' && (schema.properties || schema.allOf);
const openCopy = (ref) => ref.replace(/^#\/components\/schemas\/(.*)$/, '#/components/schemas/$1__open');
function close(schema, inAllOf = false) {
  if (Array.isArray(schema)) return schema.forEach((s) => close(s, inAllOf));
  if (!schema || typeof schema !== 'object') return;
  if (inAllOf && typeof schema.$ref === 'string') schema.$ref = openCopy(schema.$ref);
  const open = !('additionalProperties' in schema) && !('unevaluatedProperties' in schema);
  if (open && !inAllOf && isObjectSchema(schema)) schema.unevaluatedProperties = false;
  for (const [key, value] of Object.entries(schema)) close(value, key === 'allOf');
}
const schemas = doc.components.schemas ?? {};
for (const [name, schema] of Object.entries({ ...schemas })) {
  for (const [key, value] of Object.entries(schema)) close(value, key === 'allOf');
  if (!isObjectSchema(schema) || 'additionalProperties' in schema) continue;
  schemas[`${name}__open`] = schema;
  schemas[name] = { $ref: `#/components/schemas/${name}__open`, unevaluatedProperties: false };
}
for (const item of Object.values(doc.paths)) close(item);
for (const response of Object.values(doc.components.responses ?? {})) close(response);

const ajv = new Ajv2019({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addKeyword('example');
ajv.addSchema(doc, 'openapi.json');

const pointer = (...parts) => parts.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

// The response object for a route and status, and where its JSON schema lies in the document.
function documented(route, method, status) {
  const operation = doc.paths[route]?.[method.toLowerCase()];
  if (!operation) return { problem: 'the route is not in the document' };
  const key = String(status) in operation.responses ? String(status) : 'default';
  let response = operation.responses[key];
  let at = ['paths', route, method.toLowerCase(), 'responses', key];
  if (!response) return { problem: `status ${status} is not documented` };
  if (response.$ref) {
    const name = response.$ref.replace('#/components/responses/', '');
    response = doc.components.responses[name];
    at = ['components', 'responses', name];
  }
  const schema = response?.content?.['application/json']?.schema;
  return { schema, at: schema ? [...at, 'content', 'application/json', 'schema'] : null, response };
}

const problems = [];
const checkedRoutes = new Set();
let validated = 0;
for (const { method, route, status, body } of samples) {
  const where = `${method} ${route} → ${status}`;
  const { problem, schema, at, response } = documented(route, method, status);
  if (problem) {
    problems.push(`${where}: ${problem}`);
    continue;
  }
  if (body === null) {
    // No JSON: a 204, or a file (the document names a non-JSON type).
    if (schema) problems.push(`${where}: the document promises JSON, the reply has none`);
    continue;
  }
  if (!schema) {
    const types = Object.keys(response?.content ?? {});
    problems.push(`${where}: a JSON reply, but the document gives no JSON schema (${types.join(', ') || 'no content'})`);
    continue;
  }
  const validate = ajv.getSchema(`openapi.json#/${pointer(...at)}`);
  validated++;
  checkedRoutes.add(`${method} ${route}`);
  if (!validate(body)) {
    const first = validate.errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.unevaluatedProperty ? ` (${e.params.unevaluatedProperty})` : ''}`);
    problems.push(`${where}: ${first.join('; ')}\n    reply: ${JSON.stringify(body).slice(0, 300)}`);
  }
}

const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.keys(item).filter((m) => m !== 'parameters').map((m) => `${m.toUpperCase()} ${path}`));
const unseen = operations.filter((op) => !samples.some((s) => `${s.method} ${s.route}` === op));
const unique = [...new Set(problems.map((p) => p.split('\n')[0].replace(/:.*/, '')))];

console.log(`${samples.length} replies over ${new Set(samples.map((s) => `${s.method} ${s.route}`)).size} of ${operations.length} documented routes; ${validated} JSON bodies validated against the document (${checkedRoutes.size} routes)`);
if (unseen.length) console.log(`routes no unit test called (not checked here): ${unseen.join(', ')}`);
for (const p of problems.slice(0, 60)) console.log(`MISMATCH ${p}`);
if (problems.length > 60) console.log(`… and ${problems.length - 60} more`);
console.log(`replies matching the document: ${samples.length - problems.length}; not matching: ${problems.length} (${unique.length} route and status pairs)`);
process.exit(problems.length ? 1 : 0);
