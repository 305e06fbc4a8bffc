import type { MapProblem, ProblemKind } from '../model.js';
import { asArray, type Node, text } from '../support/parse.js';
import { kindForHttpStatus, problem } from '../support/problems.js';

// Canada Post answers errors with <messages><message><code/><description/></message></messages>, as an HTTP
// 4xx/5xx body. "004 No Pin History" is an unknown number; AAxxx and E002 ("AAA Authentication Failure")
// are refused credentials or platform rights; "Server: Rejected by SLM Monitor" is the throttle, worth
// retrying after a minute (developer "Messages and code tables").

function kindOf(
  code: string | null,
  description: string,
  httpStatus: number | null | undefined,
): ProblemKind {
  if (code === '004' || /no pin history|not found|invalid (pin|dnc)/i.test(description)) return 'not_found';
  if (code?.toLowerCase() === 'server' || /slm monitor|throttl|unavailable|try again/i.test(description)) {
    return 'retryable';
  }
  if (code !== null && /^(AA\d|E0)/i.test(code)) return 'carrier_error';
  const byStatus = kindForHttpStatus(httpStatus);
  return byStatus === 'not_found' || byStatus === 'retryable' ? byStatus : 'carrier_error';
}

export function messageProblems(
  messages: Node,
  asked: string | null,
  httpStatus: number | null | undefined,
): MapProblem[] {
  const list = asArray(messages?.message).filter((m: Node) => m && typeof m === 'object');
  if (list.length === 0) {
    return [problem(kindForHttpStatus(httpStatus) ?? 'carrier_error', 'Canada Post error without a message')];
  }
  return list.map((m: Node) => {
    const code = text(m.code);
    const description = text(m.description) ?? code ?? 'Canada Post error';
    return problem(kindOf(code, description, httpStatus), description, { code, trackingNumber: asked });
  });
}
