// Error answers: the status documented for the exception, the name in x-amzn-errortype or the body,
// a body with Message, x-amzn-requestid, and the SDK raising the modelled exception class.
import { errorName, parseJson, type ExchangeCheck, type Finding, unreadableClientError } from './types.ts';

export const errorShape: ExchangeCheck = {
  id: 'error-shape',
  description:
    'An error answer has the documented status for its exception, names it (x-amzn-errortype or body ' +
    'Code), carries a JSON body with Message and an x-amzn-requestid, and the SDK raises the modelled ' +
    'exception class.',
  // a 4xx whose body the SDK could not read is still an error answer, judged on its bytes
  applies: (x) =>
    (!x.observed.failure || unreadableClientError(x.observed)) && (x.observed.status ?? 0) >= 400,
  run(x, model) {
    const o = x.observed;
    if ((o.failure && !unreadableClientError(o)) || o.status === undefined || o.status < 400) return [];
    const out: Finding[] = [];
    const f = (received: string, documented: string) =>
      out.push({ check: 'error-shape', operation: x.operation, received, documented });
    const name = errorName(o);
    const op = model.operations[x.operation];
    if (!name)
      f(
        `HTTP ${o.status} with no x-amzn-errortype header and no Code in the body`,
        'the exception named in x-amzn-errortype (or the body Code)',
      );
    else {
      const modelled = model.errors[name];
      const documented = op?.errors.includes(name);
      if (modelled && documented && modelled.httpStatus !== o.status)
        f(`${name} with HTTP ${o.status}`, `${name} with HTTP ${modelled.httpStatus}`);
      if (modelled && !documented && !x.faultRequested)
        f(`${name}`, `one of the exceptions documented for ${x.operation}: ${op?.errors.join(', ')}`);
    }
    const body = parseJson(o.body) as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object')
      f(
        `a body that is not a JSON object: ${JSON.stringify((o.body ?? '').slice(0, 60))}`,
        'a JSON body {Code, Message, Type, Context}',
      );
    else if (typeof (body.Message ?? body.message) !== 'string')
      f(`a body without Message: ${Object.keys(body).join(', ') || '{}'}`, 'a JSON body with Message');
    if (!o.headers['x-amzn-requestid']) f('no x-amzn-requestid header', 'x-amzn-requestid on every response');
    if (x.channel === 'sdk' && name && model.errors[name] && o.error && !o.error.modelled)
      f(`the SDK raised ${o.error.name} (not the modelled class)`, `the SDK raises ${name}`);
    return out;
  },
};
