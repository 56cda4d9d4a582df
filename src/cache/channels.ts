/** Told to every instance at the commit of any change to a model or version row; the payload is the model's id, or '*' (migration 0007). */
export const REGISTRY_CHANNEL = 'modelstage_registry';
