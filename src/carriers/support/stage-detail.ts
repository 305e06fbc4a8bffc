import type { CodeRule } from '../adapter.js';
import { DELAY_SUBSTATUSES } from '../model.js';
import { classifyText } from './classify.js';

// Aggregators send a stage and a detail (EasyPost status/status_detail, Shippo status/substatus.code); this
// is how the two make one rule. The detail is the more specific of the two and wins, with two exceptions:
// a delay is a flag on the current stage, never a stage of its own; and once the stage is an end or a
// problem (delivered, returning, exception…), a progress detail describes the parcel's moves inside that
// stage ("arrived at facility" on the way back) and changes nothing.

const KEEP_STAGE = new Set(['delivered', 'returning', 'returned', 'cancelled', 'expired', 'exception']);
const PROBLEMS = new Set(['exception', 'returning', 'returned', 'cancelled', 'expired', 'attempt_failed']);

export function combine(stage: CodeRule | undefined, detail: CodeRule | undefined): CodeRule | undefined {
  if (!detail) return stage;
  if (!stage) return detail;
  if (detail.substatus && DELAY_SUBSTATUSES.includes(detail.substatus)) {
    return { status: stage.status, substatus: detail.substatus, note: detail.note };
  }
  if (KEEP_STAGE.has(stage.status) && !PROBLEMS.has(detail.status)) return stage;
  return detail;
}

/**
 * A stage without a detail says little ("in_transit"): the scan text may name the step ("ARRIVAL SCAN").
 * Only the substatus is taken from the text, and only when the text agrees with the stage.
 */
export function withTextDetail(stage: CodeRule, text: string | null): CodeRule {
  if (stage.substatus) return stage;
  const read = classifyText(text);
  return read && read.status === stage.status && read.substatus
    ? { ...stage, substatus: read.substatus }
    : stage;
}
