/**
 * Reasons recorded in zh-CN around an officer's own words, saying which action they were given for:
 * a grade derived again after an undone merge (撤销合并：…) or a split (拆分来电：…), a call's link
 * by an officer (值班员手动关联：…), and calls split out before session 27 (拆分：…). The console
 * words the action in its own language and shows the officer's words as they are.
 */
export const OFFICER_REASON_PREFIXES = {
  unmerge: '撤销合并：',
  splitCall: '拆分来电：',
  manualLink: '值班员手动关联：',
  split: '拆分：',
} as const;

export type OfficerReasonCause = keyof typeof OFFICER_REASON_PREFIXES;

/** The recorded reason: the action's prefix, then the officer's words. */
export function reasonWithCause(cause: OfficerReasonCause, reason: string): string {
  return `${OFFICER_REASON_PREFIXES[cause]}${reason}`;
}

/** Which action a recorded reason was given for, and the officer's own words; cause null for a reason as the officer gave it. */
export function causeOfReason(recorded: string): { cause: OfficerReasonCause | null; reason: string } {
  for (const [cause, prefix] of Object.entries(OFFICER_REASON_PREFIXES) as Array<[OfficerReasonCause, string]>) {
    if (recorded.startsWith(prefix)) return { cause, reason: recorded.slice(prefix.length) };
  }
  return { cause: null, reason: recorded };
}
