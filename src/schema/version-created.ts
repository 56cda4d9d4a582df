import type { ModelVersion } from '../entities/index.js';
import { builder } from './builder.js';
import { ModelVersionRef } from './refs.js';

// Beside ModelVersion's own file rather than in it, to keep that shared file's changes small.
builder.subscriptionField('versionCreated', (t) =>
  t.field({
    type: ModelVersionRef,
    description: "Every new version, live (no replay), once its creation commits. `name` keeps one model's.",
    args: { name: t.arg.string() },
    subscribe: (_root, args, ctx) => ctx.live.versionsCreated({ modelName: args.name ?? undefined }),
    resolve: (version: ModelVersion, _args, ctx) => {
      // A subscription's context outlives many events: forget what earlier events loaded.
      ctx.em.clear();
      ctx.loaders.model.clearAll();
      ctx.loaders.version.clearAll();
      return version;
    },
  }),
);
