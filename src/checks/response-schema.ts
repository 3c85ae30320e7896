// Every success body validates against the derived output schema; undocumented fields are reported.
import { fromJson, kindProblems } from '../wire/values.ts';
import { validatorFor } from '../model/validate.ts';
import { parseJson, succeeded, type ExchangeCheck, type Finding } from './types.ts';

export const responseSchema: ExchangeCheck = {
  id: 'response-schema',
  description:
    'A success answer is JSON (application/json), carries x-amzn-requestid, and its body validates ' +
    'against the documented output schema (body timestamps as epoch seconds); undocumented fields are ' +
    'reported.',
  applies: succeeded,
  run(x, model) {
    const o = x.observed;
    const op = model.operations[x.operation];
    if (!op || !succeeded(x)) return [];
    const out: Finding[] = [];
    const f = (received: string, documented: string) =>
      out.push({ check: 'response-schema', operation: x.operation, received, documented });
    if (!o.headers['x-amzn-requestid']) f('no x-amzn-requestid header', 'x-amzn-requestid on every response');
    const type = o.headers['content-type'] ?? '';
    const hasOutput = Object.keys(op.output.members ?? {}).length > 0;
    if (hasOutput && !/json/.test(type))
      f(`Content-Type ${type || '(none)'}`, 'Content-Type application/json');
    const body = parseJson(o.body);
    if (
      hasOutput &&
      (body === undefined || typeof body !== 'object' || body === null || Array.isArray(body))
    ) {
      f(
        `a body that is not a JSON object: ${JSON.stringify((o.body ?? '').slice(0, 60))}`,
        `the ${op.name}Output structure`,
      );
      return out;
    }
    for (const p of kindProblems(op.output, body, 'wire'))
      f(p.message, `${op.name}Output as documented (restJson1 body)`);
    for (const v of validatorFor(model).output(op, fromJson(op.output, body ?? {}, 'wire'))) {
      f(
        v.keyword === 'additionalProperties' ? `undocumented field ${v.path}` : v.message,
        `${op.name}Output as documented`,
      );
    }
    return out;
  },
};
