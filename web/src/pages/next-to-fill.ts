// Which project the fill page offers next: the first in project-code order that still owes the month's
// report (GET /api/reports/missing) and that the caller fills — a project owner their own projects, an
// officer those of their own region (the level below fills its own) — other than the one on screen.

export interface Owed {
  projectId: number;
  projectName: string;
  regionCode: string;
}

export interface Filler {
  role: string;
  regionCode: string | null;
  projectIds: readonly number[];
}

export function nextToFill<T extends Owed>(owed: readonly T[], me: Filler, current: number): T | undefined {
  const fills = (p: Owed) =>
    me.role === 'project_owner' ? me.projectIds.includes(p.projectId) : p.regionCode === me.regionCode;
  return owed.find((p) => p.projectId !== current && fills(p));
}
