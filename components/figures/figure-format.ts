/** Fills `{name}` placeholders in a figure string; an unknown placeholder stays visible. */
export function formatFigureText(template: string, params?: Record<string, string | number>): string {
  return params ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : template;
}
