// Types of eslint.layers.js, for the test that lints fixtures with its rules.
import type { Linter } from 'eslint';

export declare const layerRules: Linter.Config[];
