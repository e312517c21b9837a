// The fix advisor's public surface.
export { adviseFixes, adviseReport, type Advice, type AdviceSections } from './advise.ts';
export { compareRuns, type FixOutcome, type MeasuredChange, type RunComparison } from './compare.ts';
export { checkBudget, loadBudget, parseBudget, budgetSchema, BudgetError, type Budget, type BudgetBreach } from './budget.ts';
export { AdviceInputError, resolveInputs, usableSlope } from './inputs.ts';
export { layerInputs, SOURCE_PRIORITY, type InputLayer } from './input-layers.ts';
export * as modelDefaults from './defaults.ts';
export type { AdviceInputs, AdviceOptions, InputSource, Range, ResolvedInputs, Sourced, StoreSlope } from './types.ts';
