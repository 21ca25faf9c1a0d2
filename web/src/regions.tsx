// The region tree (read once per sign-in) and the working region: the account's own region or a
// region below it, chosen in the header; pages that filter by region start from it.
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { api } from './api/client';
import { useApiQuery } from './api/query';
import type { Region } from './api/types';

interface Regions {
  /** Every region (empty while loading or when the request failed). */
  all: Region[];
  byCode: Map<string, Region>;
  loading: boolean;
  /** The account's region and everything below it. */
  inScope: Region[];
  /** The working region's code (null for accounts without a region). */
  working: string | null;
  setWorking(code: string): void;
  name(code: string | null | undefined): string;
}

const RegionContext = createContext<Regions | null>(null);

export function RegionProvider({ home, children }: { home: string | null; children: ReactNode }) {
  const state = useApiQuery(['/api/regions'], (signal) =>
    api.get<{ items: Region[] }>('/api/regions', undefined, signal),
  );
  const [working, setWorking] = useState<string | null>(home);
  const value = useMemo<Regions>(() => {
    const all = state.data?.items ?? [];
    const byCode = new Map(all.map((r) => [r.code, r]));
    return {
      all,
      byCode,
      loading: state.loading,
      inScope: home ? subtree(all, home) : [],
      working,
      setWorking,
      name: (code) => (code ? (byCode.get(code)?.name ?? code) : ''),
    };
  }, [state.data, state.loading, home, working]);
  return <RegionContext.Provider value={value}>{children}</RegionContext.Provider>;
}

export function useRegions(): Regions {
  const regions = useContext(RegionContext);
  if (!regions) throw new Error('useRegions outside RegionProvider');
  return regions;
}

/** A region and all its descendants, parents before children. */
export function subtree(all: Region[], root: string): Region[] {
  const children = new Map<string, Region[]>();
  for (const region of all) {
    if (!region.parentCode) continue;
    const list = children.get(region.parentCode) ?? [];
    list.push(region);
    children.set(region.parentCode, list);
  }
  const out: Region[] = [];
  const start = all.find((r) => r.code === root);
  const queue = start ? [start] : [];
  while (queue.length > 0) {
    const region = queue.shift()!;
    out.push(region);
    queue.push(...(children.get(region.code) ?? []));
  }
  return out;
}

export interface RegionTreeNode {
  value: string;
  title: string;
  children?: RegionTreeNode[];
}

/** The regions as TreeSelect data, rooted at `roots` (codes) or at the regions without a parent. */
export function regionTreeData(all: Region[], roots?: string[]): RegionTreeNode[] {
  const children = new Map<string | null, Region[]>();
  for (const region of all) {
    const list = children.get(region.parentCode) ?? [];
    list.push(region);
    children.set(region.parentCode, list);
  }
  const build = (region: Region): RegionTreeNode => {
    const kids = children.get(region.code) ?? [];
    return {
      value: region.code,
      title: region.name,
      ...(kids.length > 0 ? { children: kids.map(build) } : {}),
    };
  };
  const top = roots
    ? roots.map((code) => all.find((r) => r.code === code)).filter((r): r is Region => r !== undefined)
    : all.filter((r) => !r.parentCode || !all.some((p) => p.code === r.parentCode));
  return top.map(build);
}
