// Links: broken links with source pages, kind and status (filterable), redirect chains, CSV export.
import { useState } from 'preact/hooks';
import type { LinksSection } from '../../report/schema.ts';
import { blobUrl, getJson } from '../api.ts';
import { Badge, Card, Empty, ErrorBanner, Loading, useData } from '../components.tsx';
import { t } from '../i18n.ts';

const KINDS = ['page', 'image', 'script', 'stylesheet', 'media', 'other'];

export function LinksView() {
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

  async function exportCsv() {
    const url = await blobUrl(`/api/admin/links.csv?${query}`);
    const a = document.createElement('a');
    a.href = url;
    a.download = `broken-links-run-${data?.runId}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <>
      <Card title={t('links.broken', { n: links.totalBroken })} id="broken">
        <p class="muted">{t('links.checked', { links: links.linksChecked, pages: links.pagesCrawled })}</p>
        <div class="row" role="search">
          <div>
            <label for="f-kind">{t('links.kind')}</label>
            <select id="f-kind" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.currentTarget.value })}>
              <option value="">{t('links.all')}</option>
              {KINDS.map((k) => <option key={k} value={k}>{k}</option>)}
            </select>
          </div>
          <div>
            <label for="f-status">{t('links.status')}</label>
            <select id="f-status" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value })}>
              <option value="">{t('links.all')}</option>
              <option value="4xx">4xx</option>
              <option value="5xx">5xx</option>
              <option value="error">{t('links.networkError')}</option>
            </select>
          </div>
          <div>
            <label for="f-q">{t('links.search')}</label>
            <input id="f-q" type="search" value={filter.q} onChange={(e) => setFilter({ ...filter, q: e.currentTarget.value })} />
          </div>
          <button class="btn" type="button" onClick={() => void exportCsv()}>{t('links.csv')}</button>
        </div>
        <table data-testid="broken-links">
          <thead>
            <tr>
              <th scope="col">{t('links.url')}</th>
              <th scope="col">{t('links.status')}</th>
              <th scope="col">{t('links.kind')}</th>
              <th scope="col">{t('links.foundOn')}</th>
            </tr>
          </thead>
          <tbody>
            {links.broken.map((l) => (
              <tr key={l.url}>
                <td class="url">{l.url}</td>
                <td><Badge tone="critical">{l.status ?? l.error ?? '–'}</Badge></td>
                <td>{l.kind}</td>
                <td class="url">{l.foundOn.slice(0, 5).join(' · ')}{l.foundOn.length > 5 ? ` +${l.foundOn.length - 5}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title={t('links.redirects', { n: links.redirects.length })} id="redirects">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('links.chain')}</th>
              <th scope="col">{t('links.foundOn')}</th>
            </tr>
          </thead>
          <tbody>
            {links.redirects.map((r) => (
              <tr key={r.url}>
                <td class="url">{[...r.chain, r.finalUrl].join(' → ')} ({r.finalStatus ?? '–'})</td>
                <td class="url">{r.foundOn.slice(0, 3).join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
