// Links: broken links with source pages, kind and status (filterable), redirect chains, CSV export.
import { useContext, useState } from 'preact/hooks';
import type { LinksSection } from '../../report/schema.ts';
import { blobUrl, getJson } from '../api.ts';
import { Shop } from '../app.tsx';
import { Badge, Card, Empty, ErrorBanner, IndexTable, Loading, Url, useData } from '../components.tsx';
import { fmt, t } from '../i18n.ts';

const KINDS = ['page', 'image', 'script', 'stylesheet', 'media', 'other'] as const;

export function LinksView() {
  const shop = useContext(Shop);
  const [filter, setFilter] = useState({ kind: '', status: '', q: '' });
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  const { data, error, loading, reload } = useData(
    () => getJson<{ runId: number | null; links: (LinksSection & { totalBroken: number }) | null }>(`/api/admin/links?${query}`),
    [query],
  );
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBanner error={error} retry={reload} />;
  if (data.runId === null) return <Empty title={t('overview.noAuditTitle')}><p>{t('overview.noAudit')}</p></Empty>;
  const links = data.links;
  if (!links) return <Empty title={t('links.notRun')} />;
  const f = fmt();

  async function exportCsv() {
    const url = await blobUrl(`/api/admin/links.csv?${query}`);
    const a = document.createElement('a');
    a.href = url;
    a.download = `broken-links-run-${data?.runId}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  const places = (pages: string[], max: number) => (
    <>
      {pages.slice(0, max).map((p, i) => (
        <span key={p}>
          {i > 0 && ' · '}
          <Url href={p} storeUrl={shop?.storeUrl} max={32} />
        </span>
      ))}
      {pages.length > max ? ` ${t('links.more', { n: f.number(pages.length - max) })}` : ''}
    </>
  );

  return (
    <>
      <Card title={t('links.broken', { n: f.number(links.totalBroken) })} id="broken">
        <p class="muted">{t('links.checked', { links: f.number(links.linksChecked), pages: f.number(links.pagesCrawled) })}</p>
        <div class="row filters" role="search">
          <div>
            <label for="f-kind">{t('links.kind')}</label>
            <select id="f-kind" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.currentTarget.value })}>
              <option value="">{t('links.all')}</option>
              {KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
            </select>
          </div>
          <div>
            <label for="f-status">{t('links.status')}</label>
            <select id="f-status" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value })}>
              <option value="">{t('links.all')}</option>
              <option value="4xx">{t('links.status4xx')}</option>
              <option value="5xx">{t('links.status5xx')}</option>
              <option value="error">{t('links.networkError')}</option>
            </select>
          </div>
          <div>
            <label for="f-q">{t('links.search')}</label>
            <input id="f-q" type="search" value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.currentTarget.value })} />
          </div>
          <button class="btn" type="button" onClick={() => void exportCsv()}>{t('links.csv')}</button>
        </div>
        <IndexTable
          testid="broken-links"
          columns={[{ label: t('links.url') }, { label: t('links.status') }, { label: t('links.kind') }, { label: t('links.foundOn') }]}
          rows={links.broken.map((l) => ({
            key: l.url,
            cells: [
              <Url href={l.url} storeUrl={shop?.storeUrl} />,
              <Badge tone="critical">{l.status !== null ? <bdi dir="ltr">{f.number(l.status, { useGrouping: false })}</bdi> : t('links.networkError')}</Badge>,
              t(`kind.${l.kind}`),
              places(l.foundOn, 5),
            ],
          }))}
        />
      </Card>
      <Card title={t('links.redirects', { n: f.number(links.redirects.length) })} id="redirects">
        <IndexTable
          columns={[{ label: t('links.chain') }, { label: t('links.status') }, { label: t('links.foundOn') }]}
          rows={links.redirects.map((r) => ({
            key: r.url,
            cells: [
              <bdi dir="ltr" class="chain">
                {[...r.chain, r.finalUrl].map((u, i) => (
                  <span key={i}>
                    {i > 0 && ' → '}
                    <Url href={u} storeUrl={shop?.storeUrl} max={32} />
                  </span>
                ))}
              </bdi>,
              r.finalStatus === null ? '–' : f.number(r.finalStatus, { useGrouping: false }),
              places(r.foundOn, 3),
            ],
          }))}
        />
      </Card>
    </>
  );
}
