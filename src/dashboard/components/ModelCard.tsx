import { useId, useState } from 'preact/hooks';
import { RECENT_VERSIONS, type Api } from '../api';
import { metricRows } from '../state/format';
import { policyBadges, type Reviewer } from '../state/approvals';
import { hasPreviousHolder } from '../state/periods';
import type { Permissions } from '../state/permissions';
import { LEDGER_STAGES, type ModelView, type VersionView } from '../state/types';
import { StageBadge, VersionName, When } from './bits';
import { MetricChart } from './MetricChart';
import { PromoteControl } from './PromoteControl';
import { PromotionRequests } from './PromotionRequests';
import { RollbackControl } from './RollbackControl';
import { StageTimeline } from './StageTimeline';

const SLOTS = [
  ['production', 'Production'],
  ['staging', 'Staging'],
  ['latest', 'Latest'],
] as const;

export function ModelCard(props: { model: ModelView; api: Api; permissions: Permissions; reviewer: Reviewer; now: number }) {
  const { model, now } = props;
  const id = useId();
  const slots: (VersionView | null)[] = SLOTS.map(([key]) => model[key]);
  const [metric, setMetric] = useState<string | null>(null);
  return (
    <article class="card" aria-labelledby={id} data-model={model.name}>
      <header>
        <h2 id={id}>{model.name}</h2>
        {policyBadges(model.policies).length > 0 && (
          <ul class="policies" aria-label="Approvals needed">
            {policyBadges(model.policies).map((badge) => (
              <li key={badge}>{badge}</li>
            ))}
          </ul>
        )}
        {model.description && <p class="description">{model.description}</p>}
        {model.tags.length > 0 && (
          <ul class="tags" aria-label="Tags">
            {model.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        )}
      </header>

      <div class="table-scroll">
        <table class="slots">
          <caption class="sr-only">Production, staging and latest versions of {model.name}, with their metadata side by side</caption>
          <colgroup>
            <col class="key" />
            {SLOTS.map(([key]) => (
              <col key={key} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <td />
              {SLOTS.map(([key, title]) => (
                <th key={key} scope="col">
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Version</th>
              {slots.map((version, i) => (
                <td key={SLOTS[i]![0]} data-slot={SLOTS[i]![0]}>
                  {version ? <VersionName version={version} /> : <span class="muted">none</span>}
                </td>
              ))}
            </tr>
            {metricRows(slots).map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.key}</th>
                {row.values.map((value, i) => (
                  <td key={i}>
                    {value ?? <span class="muted">–</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <PromotionRequests api={props.api} model={model.name} requests={model.requests} reviewer={props.reviewer} now={now} />

      <section aria-label={`Holders of production and staging of ${model.name}`}>
        <h3>Who held the stage</h3>
        <StageTimeline periods={model.periods} now={now} />
        {props.permissions.canForce && LEDGER_STAGES.some((stage) => hasPreviousHolder(model.periods[stage])) && (
          <div class="rollbacks">
            {LEDGER_STAGES.filter((stage) => hasPreviousHolder(model.periods[stage])).map((stage) => (
              <RollbackControl key={stage} model={model.name} stage={stage} api={props.api} />
            ))}
          </div>
        )}
      </section>

      <section aria-label={`A metric of ${model.name} across versions`}>
        <h3>Metric across versions</h3>
        <MetricChart versions={model.versions} chosen={metric} onChoose={setMetric} />
      </section>

      <section aria-label={`Recent versions of ${model.name}`}>
        <h3>Recent versions</h3>
        <ul class="versions">
          {model.versions.slice(0, RECENT_VERSIONS).map((version) => (
            <li key={version.number} data-version={version.name} data-stage={version.stage}>
              <VersionName version={version} />
              <StageBadge stage={version.stage} />
              <span class="muted created">
                <span class="sr-only">created </span>
                <When iso={version.createdAt} now={now} />
              </span>
              <PromoteControl model={model.name} version={version} api={props.api} permissions={props.permissions} policies={model.policies} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-label={`Stage changes of ${model.name}`}>
        <h3>Stage changes</h3>
        {model.feed.length === 0 ? (
          <p class="muted">No stage changes yet.</p>
        ) : (
          <ol class="feed">
            {model.feed.map((item) => (
              <li key={item.cursor} data-cursor={item.cursor}>
                <When iso={item.occurredAt} now={now} />
                <VersionName version={{ name: item.version, number: item.number }} class="feed-version" />
                <span class="move">
                  <StageBadge stage={item.from} /> <span aria-label="to">→</span> <StageBadge stage={item.to} />
                </span>
                {item.displaced ? <span class="flag">displaced</span> : item.forced ? <span class="flag">forced</span> : null}
                <span class="actor">by {item.actor ?? 'unknown'}</span>
                {item.approvedBy.length > 0 && <span class="approved-by">approved by {item.approvedBy.join(', ')}</span>}
                {item.reason && (
                  <q class="reason" title={item.reason}>
                    {item.reason}
                  </q>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
