/**
 * Every engine-checked exercise, one per lesson (see ./types.ts). Pure; no `vscode` import.
 */
import { secondTag } from './imageNames';
import { publish8081 } from './ports';
import type { Exercise } from './types';
import { keepData } from './volumes';

export const EXERCISES: readonly Exercise[] = [publish8081, keepData, secondTag];
