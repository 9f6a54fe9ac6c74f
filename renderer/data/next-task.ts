/** Resolves in a task of its own: work that awaits it lets the thread take input and draw in between. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
