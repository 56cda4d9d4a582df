import type { ApiToken, Model, ModelVersion, PromotionRequest, StageChange } from '../entities/index.js';
import { builder } from './builder.js';

/** Declared before they are implemented, so that types may refer to each other in any order. */
export const ModelRef = builder.objectRef<Model>('Model');
export const ModelVersionRef = builder.objectRef<ModelVersion>('ModelVersion');
export const StageChangeRef = builder.objectRef<StageChange>('StageChange');
export const ApiTokenRef = builder.objectRef<ApiToken>('ApiToken');
export const PromotionRequestRef = builder.objectRef<PromotionRequest>('PromotionRequest');
