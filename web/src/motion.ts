// Whether the user asked their system for reduced motion (WCAG 2.3.3, Animation from Interactions):
// antd's transitions and ECharts' animations are then switched off. Read once per page load.
export const reducedMotion: boolean =
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A chart option with its animations off when the user asked for reduced motion. */
export function withMotion<T extends object>(option: T): T {
  return reducedMotion ? { ...option, animation: false } : option;
}
