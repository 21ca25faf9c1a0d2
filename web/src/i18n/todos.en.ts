// English strings of the to-do page; every key of todos.zh-CN.ts.
import type { todosZhCN } from './todos.zh-CN';

export const todosEn: Record<keyof typeof todosZhCN, string> = {
  'menu.todos': 'To-do',
  'todos.title': 'To-do list',
  'todos.period': 'This period: {period}, due {deadline}',
  'todos.none': 'Nothing to do',
  'todos.open': 'Open',
  'todos.deadline': 'Due {deadline}',
  'todos.daysLeft': '{days} days left',
  'todos.dueToday': 'Due today',
  'todos.overdue': 'Overdue',
  'todos.more': '{count} in all',
  'todos.messages': 'Messages',
  'todos.noMessages': 'No unread messages',
  'todos.readAll': 'Mark all read',
  'todos.read': 'Mark read',
  'todos.kind.report_due': 'Reports due this period',
  'todos.kind.report_returned': 'Reports returned for correction',
  'todos.kind.review_queue': 'Reports awaiting review',
  'todos.kind.entries_review': 'Bonus and penalty entries awaiting review',
  'todos.kind.overdue_units': 'Units overdue with their reports',
  'todos.kind.overdue_projects': 'Projects overdue with their reports',
  'todos.kind.robot_failures': 'Group robot reminders that failed',
};
