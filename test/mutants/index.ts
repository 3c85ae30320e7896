// The catalogue of defective mocks.
import { familyCreateMutants } from './family-create.ts';
import { familyMutants } from './families.ts';
import { familyStateMutants } from './family-state.ts';
import type { Mutant } from './kit.ts';
import { observedMutants } from './observed.ts';
import { paginationMutants } from './pagination.ts';
import { stateMutants } from './state.ts';
import { valueMutants } from './values.ts';
import { wireMutants } from './wire.ts';

export const MUTANTS: Mutant[] = [
  ...paginationMutants,
  ...valueMutants,
  ...wireMutants,
  ...stateMutants,
  ...observedMutants,
  ...familyMutants,
  ...familyStateMutants,
  ...familyCreateMutants,
];
export type { Mutant } from './kit.ts';
