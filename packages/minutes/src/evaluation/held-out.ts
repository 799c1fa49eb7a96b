/**
 * The third of the real development minutes kept out while a rule family is developed: rules
 * are tuned on the other files, and the figures on these are reported beside them, so a rule
 * that only fits what it was tuned on shows. Every third file of the sorted list (from the
 * third), and the last, so short excerpts and long minutes are both represented.
 */
export const HELD_OUT = new Set([
  'blmk-health-campaigns',
  'halton-involve-participation',
  'ossf-tac-2023-10-17',
  'scotland-resilience-chairs',
  'wrexham-framework-partnership',
])
