import { describe, expect, it } from 'vitest';
import { nextToFill } from './next-to-fill';

const owed = [
  { projectId: 1, projectName: '甲', regionCode: '410300' },
  { projectId: 2, projectName: '乙', regionCode: '410322' },
  { projectId: 3, projectName: '丙', regionCode: '410322' },
  { projectId: 4, projectName: '丁', regionCode: '410311' },
];

describe('the next project to fill', () => {
  it('is the first owed project of the officer’s own region other than the one on screen', () => {
    const county = { role: 'county_officer', regionCode: '410322', projectIds: [] };
    expect(nextToFill(owed, county, 99)?.projectId).toBe(2);
    expect(nextToFill(owed, county, 2)?.projectId).toBe(3);
    expect(nextToFill(owed, county, 3)?.projectId).toBe(2);
    // the city fills its own projects only: its counties' are theirs to fill
    expect(
      nextToFill(owed, { role: 'city_officer', regionCode: '410300', projectIds: [] }, 1),
    ).toBeUndefined();
  });

  it('is one of the owner’s bound projects, wherever they are', () => {
    const owner = { role: 'project_owner', regionCode: null, projectIds: [4, 3] };
    expect(nextToFill(owed, owner, 3)?.projectId).toBe(4);
    expect(nextToFill([owed[0]!], owner, 3)).toBeUndefined();
  });
});
