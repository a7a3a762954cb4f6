/** A turn of the event loop for other requests: long work in the server's one thread yields with this between its parts. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
