/**
 * Response patterns in the notation SCORM 2004 defines (RTE 4.2.9, learner_response / correct_responses) and
 * xAPI 1.0.3 adopts for `result.response` and `correctResponsesPattern`: items of a choice or sequencing response
 * joined by "[,]", a matching pair's source and target joined by "[.]", true-false as "true" / "false".
 */
import type { InteractionResponse } from '../domain/completion-record.ts';

export function responsePattern(r: InteractionResponse): string {
  switch (r.type) {
    case 'true-false':
      return r.value ? 'true' : 'false';
    case 'choice':
    case 'sequencing':
      return r.ids.join('[,]');
    case 'matching':
      return r.pairs.map(([s, t]) => `${s}[.]${t}`).join('[,]');
  }
}

/** How many items a response holds (choices, steps or pairs): what the SPM of 36 items counts. */
export function responseItems(r: InteractionResponse): number {
  return r.type === 'true-false' ? 1 : r.type === 'matching' ? r.pairs.length : r.ids.length;
}
