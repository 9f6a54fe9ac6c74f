/** A count with its noun, in the singular for one: `plural(2, 'ticket', 'tickets')` is "2 tickets". */
export const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;
