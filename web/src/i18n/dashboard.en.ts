// English strings of the dashboard; every key of dashboard.zh-CN.ts.
import type { dashboardZhCN } from './dashboard.zh-CN';

export const dashboardEn: Record<keyof typeof dashboardZhCN, string> = {
  'dashboard.period.hasData': 'Has submitted data',
  'dashboard.summary':
    '{period}: {projectCount} key projects completed {investYtd} of investment, {investRate} of the annual plan, {pace}; of {plannedNewStarts} planned new starts {newStarted} have started ({newStartRate}); {signedCount} investment deals were signed worth {signedAmount}, {dealsStarted} of them started; {reserveCount} projects are in reserve, {reserveMajor} of them major.',
  'dashboard.pace.ahead': '{points} points ahead of time progress',
  'dashboard.pace.behind': '{points} points behind time progress',
  'dashboard.pace.level': 'level with time progress',
  'dashboard.pace.unknown': 'no annual plan yet',
  'dashboard.figure.deals': '{count} signed · {started} started',
  'dashboard.figure.reserve': '{count} projects · {major} major',

  'dashboard.monthly': 'Investment to date by month against the plan',
  'dashboard.monthly.invest': 'Investment to date',
  'dashboard.monthly.plan': 'Due by time progress',
  'dashboard.monthly.axis': '{month}',
  'dashboard.monthly.empty': 'No monthly figures for this period',

  'dashboard.units': 'Units compared',
  'dashboard.units.hint': 'Ranked by investment completion; red: behind time progress',
  'dashboard.units.lagging': 'Lagging',
  'dashboard.units.none': 'No child units',

  'dashboard.lagging': 'Units lagging most',
  'dashboard.lagging.none': 'No child unit is behind time progress',
  'dashboard.lagging.item': 'Investment {rate} of target, {points} points behind time progress',

  'dashboard.ranks': 'Rank in published evaluations',
  'dashboard.ranks.none': 'No published evaluation yet',
  'dashboard.ranks.top': 'The top level is not ranked',
  'dashboard.ranks.period': 'Period',
  'dashboard.ranks.rank': 'Rank',
  'dashboard.ranks.place': 'No. {rank} of {size}',
  'dashboard.ranks.total': 'Total score',
  'dashboard.ranks.streak.quarter': 'First {n} quarters running',
  'dashboard.ranks.streak.month': 'First {n} months running',
  'dashboard.ranks.streak.year': 'First {n} years running',
  'dashboard.ranks.first': 'First this period',
  'dashboard.ranks.up': 'Up {n} places',
  'dashboard.ranks.down': 'Down {n} places',
  'dashboard.ranks.same': 'Same place as before',

  'dashboard.leader.intro':
    'The investment progress of the projects in your charge, and who was in charge of them over time.',
  'dashboard.leader.history': 'Leaders in charge over time',
  'dashboard.leader.historyHint': 'Who was in charge of your projects, the latest first',
  'dashboard.leader.project': 'Project',
  'dashboard.leader.none': 'No changes recorded',
};
